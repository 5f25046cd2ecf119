// One config: builds the kiosk and the console as two pages into dist/, and configures vitest.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

/** The kiosk's face-api chunk, one chunk per tfjs package instead of face-api's own 1.3 MB bundle. */
const TFJS_PACKAGES = ['tfjs-core', 'tfjs-backend-webgl', 'tfjs-backend-cpu', 'tfjs-backend-wasm', 'tfjs-layers', 'tfjs-converter', 'tfjs-data'];

export default defineConfig(({ command }) => ({
  plugins: [react()],
  root: '.',
  base: '/',
  resolve: {
    // The build takes face-api without tfjs inside it (the same 4.22.0 tfjs packages it was bundled from), so
    // tfjs can be split by package below. Only for the build: vitest and the server never load face-api's
    // browser file.
    alias: command === 'build' ? [{ find: /^@vladmandic\/face-api$/, replacement: '@vladmandic/face-api/dist/face-api.esm-nobundle.js' }] : [],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        kiosk: resolve(import.meta.dirname, 'kiosk/index.html'),
        console: resolve(import.meta.dirname, 'console/index.html'),
      },
      // A slow build on a loaded machine is not the clerk's business: no PLUGIN_TIMINGS block at every start.
      checks: { pluginTimings: false },
      output: {
        codeSplitting: {
          groups: TFJS_PACKAGES.map((name) => ({ name, test: new RegExp(`node_modules/@tensorflow/${name}/`) })),
        },
      },
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Real SQLite files, real sockets and real face models: give slow tiers room, not mocks.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
}));
