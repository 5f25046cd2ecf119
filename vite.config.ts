// One config: builds the kiosk and the console as two pages into dist/, and configures vitest.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

export default defineConfig({
  plugins: [react()],
  root: '.',
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        kiosk: resolve(import.meta.dirname, 'kiosk/index.html'),
        console: resolve(import.meta.dirname, 'console/index.html'),
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
});
