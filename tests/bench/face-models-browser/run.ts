// Times one human face model in Node (WASM) and in headless Chromium (WASM), on the same photos, and checks that
// both compute the same descriptor. Everything is served from 127.0.0.1; any other request fails the run.
//   npx tsx tests/bench/face-models-browser/run.ts --engine human-faceres [--images 20] [--repeats 3] [--isolated]
// --isolated serves the page cross-origin isolated (COOP/COEP), which lets tfjs use its multi-threaded WASM build.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { HumanEngine, humanModelsDir } from '../../../server/face/human-engine.js';
import { humanConfig, humanVariant } from '../../../server/face/human-variants.js';

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
const FACES = resolve(HERE, '../../../../shared/faces');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.bin': 'application/octet-stream', '.wasm': 'application/wasm', '.jpg': 'image/jpeg' };

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'human-faceres' },
    images: { type: 'string', default: '20' },
    repeats: { type: 'string', default: '3' },
    isolated: { type: 'boolean', default: false },
  },
});
const variant = humanVariant(values.engine);
const roots: Record<string, string> = {
  '/bench/': HERE,
  '/human/': dirname(require.resolve('@vladmandic/human')),
  '/models/': humanModelsDir(),
  '/wasm/': dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')),
  '/faces/': FACES,
};

/** First photo of the first N identity folders (sorted): one face each, East Asian and others alike. */
function pickImages(n: number): string[] {
  const skip = new Set(['strangers', 'no-face', 'spoof', 'multi']);
  return readdirSync(FACES)
    .filter((d) => !skip.has(d) && statSync(join(FACES, d)).isDirectory())
    .sort()
    .slice(0, n)
    .map((d) => `${d}/1.jpg`);
}

function serve(isolated: boolean): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const prefix = Object.keys(roots).find((p) => url.pathname.startsWith(p));
    const file = prefix && normalize(join(roots[prefix], decodeURIComponent(url.pathname.slice(prefix.length))));
    if (!prefix || !file || !file.startsWith(roots[prefix])) return void res.writeHead(404).end();
    readFile(file).then(
      (body) => {
        const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
        if (isolated) Object.assign(headers, { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
        res.writeHead(200, headers).end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function nodeRun(images: string[], repeats: number) {
  const engine = new HumanEngine(variant.name);
  const t0 = performance.now();
  await engine.init();
  const loadMs = performance.now() - t0;
  const bytes = await Promise.all(images.map((p) => readFile(join(FACES, p))));
  await engine.detect(bytes[0]);
  const totalMs: number[] = [];
  const descriptors: (Float32Array | null)[] = [];
  for (let r = 0; r < repeats; r++) {
    for (const b of bytes) {
      const t = performance.now();
      const faces = await engine.detect(b);
      totalMs.push(performance.now() - t);
      if (r === 0) descriptors.push(faces.sort((a, c) => c.box.width * c.box.height - a.box.width * a.box.height)[0]?.descriptor ?? null);
    }
  }
  return { loadMs, totalMs, descriptors };
}

async function browserRun(port: number, images: string[], repeats: number) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const offsite: string[] = [];
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      if (host === '127.0.0.1') return route.continue();
      offsite.push(route.request().url());
      return route.abort();
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${port}/bench/index.html`);
    await page.waitForFunction(() => (window as unknown as { faceBenchReady?: boolean }).faceBenchReady === true, null, { timeout: 30_000 });
    const config = humanConfig(variant, { modelBasePath: '/models/', wasmPath: '/wasm/' });
    const out = await page.evaluate(
      (opts) => (window as unknown as { faceBench: (o: unknown) => Promise<BrowserResult> }).faceBench(opts),
      { config, images: images.map((p) => `/faces/${p}`), warmup: 1, repeats },
    );
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    if (offsite.length) throw new Error(`the page asked for something off this machine: ${offsite.join(', ')}`);
    return out;
  } finally {
    await browser.close();
  }
}

interface BrowserResult {
  backend: string;
  wasm: { simd: boolean; multithread: boolean };
  tfjs: string;
  human: string;
  loadMs: number;
  totalMs: number[];
  descriptionMs: number[];
  results: { image: string; descriptor: number[] | null }[];
}

async function modelBytes(file: string): Promise<number> {
  const json = JSON.parse(await readFile(join(humanModelsDir(), file), 'utf8')) as { weightsManifest: { paths: string[] }[] };
  const bins = json.weightsManifest.flatMap((g) => g.paths);
  const sizes = await Promise.all([file, ...bins].map(async (f) => (await stat(join(humanModelsDir(), f))).size));
  return sizes.reduce((a, b) => a + b, 0);
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const p90 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(0.9 * v.length))];

async function main(): Promise<void> {
  const images = pickImages(Number(values.images));
  const repeats = Number(values.repeats);
  const node = await nodeRun(images, repeats);
  const server = await serve(values.isolated);
  const port = (server.address() as { port: number }).port;
  let web: BrowserResult;
  try {
    web = await browserRun(port, images, repeats);
  } finally {
    server.close();
  }
  let parityMax = 0;
  let parityMissing = 0;
  for (const [i, d] of node.descriptors.entries()) {
    const w = web.results[i].descriptor;
    if (!d || !w) parityMissing += d || w ? 1 : 0;
    else parityMax = Math.max(parityMax, Math.sqrt(d.reduce((s, v, j) => s + (v - w[j]) ** 2, 0)));
  }
  const sizes = { description: await modelBytes(variant.file), detector: (await modelBytes('blazeface.json')) + (await modelBytes('facemesh.json')) };
  const summary = {
    engine: variant.name,
    model: variant.model,
    images: images.length,
    repeats,
    bytes: sizes,
    node: { backend: 'wasm', loadMs: Math.round(node.loadMs), medianMs: median(node.totalMs), p90Ms: p90(node.totalMs) },
    browser: { backend: web.backend, wasm: web.wasm, isolated: values.isolated, human: web.human, loadMs: Math.round(web.loadMs), medianMs: median(web.totalMs), p90Ms: p90(web.totalMs), descriptionMedianMs: median(web.descriptionMs) },
    parity: { maxDistanceNodeVsBrowser: parityMax, facesFoundOnOneSideOnly: parityMissing },
  };
  console.log(`${variant.model}: ${images.length} photos × ${repeats}`);
  console.log(`  model ${(sizes.description / 1e6).toFixed(2)} MB (+ detector and mesh ${(sizes.detector / 1e6).toFixed(2)} MB)`);
  console.log(`  Node WASM      median ${summary.node.medianMs.toFixed(0)} ms/face, p90 ${summary.node.p90Ms.toFixed(0)} ms, load ${summary.node.loadMs} ms`);
  console.log(`  Chromium ${web.backend} (simd ${web.wasm.simd}, threads ${web.wasm.multithread}) median ${summary.browser.medianMs.toFixed(0)} ms/face, p90 ${summary.browser.p90Ms.toFixed(0)} ms, description ${summary.browser.descriptionMedianMs} ms, load ${summary.browser.loadMs} ms`);
  console.log(`  same descriptor in both: max distance ${parityMax.toFixed(4)}, face found on one side only ${parityMissing}`);
  console.log(JSON.stringify(summary));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
