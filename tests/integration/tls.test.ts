// HTTPS on the LAN: the redirect decision, the certificates made on first start (checked by node:crypto's
// X509Certificate), and the real server started with TLS in a child process, fetched over https with the
// generated root as the only CA, and over plain HTTP from loopback (served) and from the LAN address (redirected).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { lanNames, loadOrCreate } from '../../server/tls/certificates';
import { CA_PATH, isLoopback, redirectLocation } from '../../server/tls/serve';

const ROOT = resolve(import.meta.dirname, '..', '..');
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'quorum-tls-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the redirect decision', () => {
  const target = { httpsPort: 3000, names: ['quorum-pc', '192.168.1.20', 'fd00::2'], fallbackHost: '192.168.1.20' };
  it('serves loopback requests as they are', () => {
    for (const a of ['127.0.0.1', '127.5.6.7', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopback(a)).toBe(true);
      expect(redirectLocation({ remoteAddress: a, host: 'quorum-pc:3080', url: '/api/health' }, target)).toBeNull();
    }
    for (const a of ['192.168.1.30', '::ffff:10.0.0.1', 'fd00::9', undefined]) expect(isLoopback(a)).toBe(false);
  });
  it('sends LAN requests to HTTPS on the host they asked for when the certificate names it, else to the server address', () => {
    const lan = (host: string | undefined, url = '/kiosk/?seat=12') => redirectLocation({ remoteAddress: '192.168.1.30', host, url }, target);
    expect(lan('quorum-pc:3080')).toBe('https://quorum-pc:3000/kiosk/?seat=12');
    expect(lan('192.168.1.20:3080')).toBe('https://192.168.1.20:3000/kiosk/?seat=12');
    expect(lan('[fd00::2]:3080')).toBe('https://[fd00::2]:3000/kiosk/?seat=12');
    expect(lan('evil.example')).toBe('https://192.168.1.20:3000/kiosk/?seat=12');
    expect(lan(undefined, '/')).toBe('https://192.168.1.20:3000/');
    expect(redirectLocation({ remoteAddress: '10.0.0.5', host: 'quorum-pc', url: '/' }, { ...target, httpsPort: 443 })).toBe('https://quorum-pc/');
  });
});

describe('certificates made on first start', () => {
  it('a root and a server certificate it signs for the given names; made again only when a name is new', () => {
    const dir = tempDir();
    const names = ['quorum-pc', 'quorum-pc.local', 'localhost', '127.0.0.1', '::1', '192.168.1.20'];
    const first = loadOrCreate(dir, names);
    const ca = new X509Certificate(first.caCert!);
    const cert = new X509Certificate(first.cert);
    expect(ca.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(ca) && cert.verify(ca.publicKey)).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(cert.checkHost('quorum-pc.local')).toBe('quorum-pc.local');
    expect(cert.checkIP('192.168.1.20')).toBe('192.168.1.20');
    expect(cert.checkIP('::1')).toBe('::1');
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect((Date.parse(cert.validTo) - Date.now()) / 86_400_000).toBeLessThan(825); // Apple's limit for server certificates
    expect(first.fingerprint).toBe(ca.fingerprint256);
    expect(statSync(join(dir, 'ca.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'server.key')).mode & 0o777).toBe(0o600);
    expect(loadOrCreate(dir, names).cert).toBe(first.cert);
    const moved = loadOrCreate(dir, [...names, '192.168.1.77']); // a new lease in the same network
    expect(moved.cert).not.toBe(first.cert);
    expect(moved.caCert).toBe(first.caCert); // tablets keep trusting the same root
    expect(new X509Certificate(moved.cert).checkIP('192.168.1.77')).toBe('192.168.1.77');
    // A network outside the root's name constraints needs a new root (tests/integration/tls-name-constraints).
    const elsewhere = loadOrCreate(dir, [...names, '10.1.2.3']);
    expect(elsewhere.caCert).not.toBe(first.caCert);
    expect(new X509Certificate(elsewhere.cert).checkIP('10.1.2.3')).toBe('10.1.2.3');
  });

  it('names this machine: host name, .local, localhost and its addresses', () => {
    const names = lanNames(['quorum.venue.lan']);
    expect(names).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', 'quorum.venue.lan']));
    expect(names.some((n) => n.startsWith('fe80'))).toBe(false);
  });
});

const lanAddress = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

function get(url: string, ca?: string): Promise<{ status: number; body: string; location?: string }> {
  return new Promise((res, rej) => {
    const lib = url.startsWith('https') ? https : http;
    lib.get(url, { ca, agent: false }, (r) => {
      let body = '';
      r.on('data', (c: Buffer) => (body += c.toString()));
      r.on('end', () => res({ status: r.statusCode ?? 0, body, location: r.headers.location }));
    }).on('error', rej);
  });
}

describe('the server with TLS', () => {
  let child: ChildProcess;
  let out = '';
  let dir: string;
  let ports: { port: number; httpPort: number };
  let ca: string;

  beforeAll(async () => {
    dir = tempDir();
    child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HTTP_PORT: '0', HOST: '0.0.0.0', QUORUM_DATA: dir, QUORUM_PORT_FILE: join(dir, 'port.json'), QUORUM_TLS: '', QUORUM_LOG: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    const deadline = Date.now() + 60_000;
    while (!existsSync(join(dir, 'port.json'))) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start: ${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    ports = JSON.parse(readFileSync(join(dir, 'port.json'), 'utf8')) as typeof ports;
    ca = readFileSync(join(dir, 'tls', 'ca.crt'), 'utf8');
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('answers /api/health over https, trusted through the generated root alone', async () => {
    expect(await get(`https://127.0.0.1:${ports.port}/api/health`, ca)).toMatchObject({ status: 200, body: '{"ok":true}' });
    expect(await get(`https://localhost:${ports.port}/api/health`, ca)).toMatchObject({ status: 200 });
    await expect(get(`https://127.0.0.1:${ports.port}/api/health`)).rejects.toThrow(/self-signed|unable to verify|certificate/i);
  });

  it('prints the root fingerprint at start and hands the root out at /quorum-ca.crt', async () => {
    expect(out).toContain(new X509Certificate(ca).fingerprint256);
    expect((await get(`http://127.0.0.1:${ports.httpPort}${CA_PATH}`)).body).toBe(ca);
  });

  it('serves plain http from loopback, and the live socket over wss', async () => {
    expect(await get(`http://127.0.0.1:${ports.httpPort}/api/health`)).toMatchObject({ status: 200, body: '{"ok":true}' });
    const ws = new WebSocket(`wss://127.0.0.1:${ports.port}/api/live`, { ca });
    const reply = await new Promise<string>((res, rej) => {
      ws.on('open', () => ws.send('{"type":"ping"}'));
      ws.on('message', (m: Buffer) => res(m.toString()));
      ws.on('error', rej);
    });
    ws.close();
    expect(JSON.parse(reply)).toEqual({ type: 'pong' });
  });

  it.skipIf(!lanAddress)('redirects a request from the LAN address to https, which the certificate covers', async () => {
    const plain = await get(`http://${lanAddress}:${ports.httpPort}/api/health`);
    expect(plain.status).toBe(307);
    expect(plain.location).toBe(`https://${lanAddress}:${ports.port}/api/health`);
    expect(await get(plain.location!, ca)).toMatchObject({ status: 200, body: '{"ok":true}' });
  });
});
