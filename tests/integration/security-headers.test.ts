// Issue 22 point 9 (headers): `X-Content-Type-Options: nosniff` and one strict Content-Security-Policy on every
// answer — API, errors, the kiosk and console pages, the face models, static files — from one plugin.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from '../helpers/app';

let t: TestApp;
let dist: string;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'quorum-dist-'));
  for (const page of ['kiosk', 'console']) {
    mkdirSync(join(dist, page));
    writeFileSync(join(dist, page, 'index.html'), `<!doctype html><title>${page}</title>`);
  }
  writeFileSync(join(dist, 'evil.txt'), '<script>alert(1)</script>');
  t = await makeApp({ staticDir: dist });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('security headers', () => {
  it.each([
    ['API answer', '/api/health'],
    ['API error (no session)', '/api/devices'],
    ['unknown route', '/api/nothing-here'],
    ['kiosk page', '/kiosk/'],
    ['console page', '/console/'],
    ['static file', '/evil.txt'],
    ['face model', '/models/face-api/tiny_face_detector_model-weights_manifest.json'],
    ['redirect', '/'],
  ])('%s: nosniff and a CSP without inline script or eval', async (_label, url) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: '' } });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(res.headers['content-security-policy']);
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc.split(' ')).toContain("'self'");
    expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|data:|blob:/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
  });
});
