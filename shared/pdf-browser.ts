// Browser only: the one pdf.js set-up of both apps (the seat reader and the big screen's 投屏). pdf.js is its own
// chunk, loaded when first asked for, with its worker bundled by vite and served by our server (no CDN). The worker
// is started once and kept: a seat tablet starts it while online, so after losing the server it still has it and
// documents already downloaded open offline. No eval (isEvalSupported false): the page's CSP
// allows none, and fonts render through the canvas path instead.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type PdfJs = typeof import('pdfjs-dist');

let runtime: Promise<PdfJs> | null = null;

/** pdf.js with its worker running; the first call starts both, later calls share them. */
export function pdfRuntime(): Promise<PdfJs> {
  runtime ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerPort = new Worker(workerUrl, { type: 'module' });
    return pdfjs;
  });
  return runtime;
}

/** Opens a PDF from its bytes (a copy: pdf.js takes the buffer over to its worker). */
export async function openPdf(bytes: ArrayBuffer): Promise<PDFDocumentProxy> {
  const pdfjs = await pdfRuntime();
  return pdfjs.getDocument({
    data: new Uint8Array(bytes.slice(0)),
    isEvalSupported: false,
    // Predefined CJK CMaps and the 14 standard fonts, for PDFs that do not embed theirs (served by our server).
    cMapUrl: '/pdfjs/cmaps/',
    cMapPacked: true,
    standardFontDataUrl: '/pdfjs/standard_fonts/',
  }).promise;
}
