// What `npm start` prints before the server's own lines (issue 23, point 19): its build step must say nothing when all
// is well — no "chunks larger than 500 kB" warning (the kiosk's face-api came as one 1.3 MB chunk), no
// PLUGIN_TIMINGS block — so the line saying where the admin password is stays the first thing a clerk reads.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'quorum-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The build command of `npm start`, into a scratch folder (dist/ may be in use by a browser test). */
async function startBuild(): Promise<string> {
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const build = script.split('&&')[0]!.trim();
  expect(build).toMatch(/^vite build/);
  const args = [...build.split(/\s+/).slice(1), '--outDir', outDir, '--emptyOutDir'];
  const { stdout, stderr } = await promisify(execFile)(join(root, 'node_modules/.bin/vite'), args, { cwd: root });
  return stdout + stderr;
}

describe('npm start: the build step', () => {
  it('prints nothing, and no script chunk is over 500 kB', async () => {
    const output = await startBuild();
    expect(output.trim()).toBe('');
    const assets = join(outDir, 'assets');
    const big = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => [f, statSync(join(assets, f)).size] as const)
      .filter(([, size]) => size > 500 * 1000);
    expect(big).toEqual([]);
  }, 120_000);
});
