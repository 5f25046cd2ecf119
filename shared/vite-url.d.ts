// vite's `?url` imports (an asset's URL in dist/), typed for the one the reader uses: pdf.js's worker.
declare module '*?url' {
  const url: string;
  export default url;
}
