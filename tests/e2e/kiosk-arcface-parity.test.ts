// The kiosk's arcface descriptor for a frame equals the server's for the same frame: the kiosk's own extractor
// (kiosk/src/face/arcface.ts, bundled here with esbuild as vite would) runs in Chromium on onnxruntime-web's WASM with
// the model our server serves, and the server's arcface engine with the kiosk's detector (arcface-tiny224) runs in
// Node on onnxruntime-node. The frame is a PNG, so both sides start from the very same pixels.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../server/face/engines';
import { launchBrowser } from '../helpers/browser';
import { photo } from '../helpers/faces';
import { REPO_ROOT } from '../helpers/fake-camera';
import { startServer, type RunningServer } from '../helpers/server';
import { openKiosk } from './kiosk-setup';

let server: RunningServer;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'quorum-parity-'));

/** A 640×480 camera-like frame with the photo centred, as PNG. */
async function frameOf(rel: string): Promise<Buffer> {
  const img = await loadImage(photo(rel));
  const canvas = createCanvas(640, 480);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#8a8f94';
  ctx.fillRect(0, 0, 640, 480);
  ctx.drawImage(img, (640 - img.width) / 2, (480 - img.height) / 2);
  return canvas.encode('png');
}

beforeAll(async () => {
  server = await startServer();
  const entry = join(dir, 'entry.ts');
  await import('node:fs').then((fs) =>
    fs.writeFileSync(
      entry,
      `import { arcfaceExtractor } from ${JSON.stringify(resolve(REPO_ROOT, 'kiosk/src/face/arcface.ts'))};
       import { loadFaceApi, detectorOptions } from ${JSON.stringify(resolve(REPO_ROOT, 'kiosk/src/face/faceapi-runtime.ts'))};
       import { alignmentFor, warpAligned } from ${JSON.stringify(resolve(REPO_ROOT, 'server/face/align.ts'))};
       (window as any).debugFrame = async (url: string) => {
         const faceapi = await loadFaceApi();
         const img = new Image(); img.src = url; await img.decode();
         const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
         c.getContext('2d')!.drawImage(img, 0, 0);
         const t = faceapi.tf.browser.fromPixels(c);
         const r = await faceapi.detectSingleFace(t as any, detectorOptions(faceapi)).withFaceLandmarks();
         const lm = r!.landmarks.positions.map((p) => ({ x: p.x, y: p.y }));
         const a = document.createElement('canvas'); a.width = 112; a.height = 112;
         const ctx = a.getContext('2d')!;
         warpAligned(ctx, c, alignmentFor(lm));
         return { lm, rgba: Array.from(ctx.getImageData(0, 0, 112, 112).data) };
       };
       (window as any).describeFrame = async (config: any, url: string) => {
         const x = await arcfaceExtractor(config);
         const img = new Image(); img.src = url; await img.decode();
         const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
         c.getContext('2d')!.drawImage(img, 0, 0);
         return x.describe(c);
       };`,
    ),
  );
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', outfile: join(dir, 'parity.js'), logLevel: 'warning', nodePaths: [resolve(REPO_ROOT, 'node_modules')] });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kiosk arcface descriptor', () => {
  it('equals the server engine’s for the same frame (cosine ≥ 0.999)', async () => {
    const frame = await frameOf('wu_yi/1.jpg');
    const page = await openKiosk(browser, server);
    // The bundle, its .wasm and the frame are served from the kiosk's own origin (openKiosk refuses any other).
    const files: Record<string, [Buffer, string]> = {
      'parity.js': [readFileSync(join(dir, 'parity.js')), 'text/javascript'],
      'ort-wasm-simd-threaded.wasm': [readFileSync(resolve(REPO_ROOT, 'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm')), 'application/wasm'],
      'frame.png': [frame, 'image/png'],
    };
    await page.route('**/parity/*', (route) => {
      const [body, contentType] = files[new URL(route.request().url()).pathname.split('/').pop()!]!;
      return route.fulfill({ body, contentType });
    });
    await page.addScriptTag({ url: `${server.url}/parity/parity.js`, type: 'module' });
    await page.waitForFunction(() => 'describeFrame' in window, undefined, { timeout: 30_000 });
    const config = server.app.ctx.face.config();
    expect(config.arcface).toBeDefined();
    const inBrowser = (await page.evaluate(
      ([c, url]) => (window as unknown as { describeFrame(c: unknown, u: string): Promise<number[] | null> }).describeFrame(c, url),
      [config, `${server.url}/parity/frame.png`] as const,
    ))!;
    const serverFace = (await getEngine('arcface-tiny224').detect(frame))[0]!;
    const onServer = serverFace.descriptor;
    const dbg = (await page.evaluate((url) => (window as unknown as { debugFrame(u: string): Promise<{ lm: Array<{ x: number; y: number }>; rgba: number[] }> }).debugFrame(url), `${server.url}/parity/frame.png`));
    const lmDiff = Math.max(...dbg.lm.map((p, i) => Math.hypot(p.x - serverFace.landmarks[i]!.x, p.y - serverFace.landmarks[i]!.y)));
    const pxDiff = dbg.rgba.reduce((m, v, i) => Math.max(m, Math.abs(v - serverFace.aligned![i]!)), 0);
    const pxMean = dbg.rgba.reduce((m, v, i) => m + Math.abs(v - serverFace.aligned![i]!), 0) / dbg.rgba.length;
    console.log(`landmarks max diff ${lmDiff.toFixed(3)} px; aligned crop max diff ${pxDiff}, mean ${pxMean.toFixed(2)}`);
    expect(inBrowser).toHaveLength(onServer.length);
    const cos = inBrowser.reduce((s, v, i) => s + v * onServer[i]!, 0);
    console.log(`kiosk vs server descriptor cosine: ${cos.toFixed(6)}`);
    expect(cos).toBeGreaterThanOrEqual(0.999);
  }, 180_000);
});
