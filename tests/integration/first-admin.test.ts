// Hostile review, points 9 and 10 on the real server process: the one-time admin password went to stdout with the
// request log (`npm start > server.log` kept it). Now it is written to a 0600 file in the data folder and only
// that file's path is printed, on stderr; the data folder is 0700 and the database files 0600.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const root = mkdtempSync(join(tmpdir(), 'quorum-first-'));
let child: ChildProcess | null = null;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGTERM');
  rmSync(root, { recursive: true, force: true });
});
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('first start', () => {
  it('keeps the one-time password off stdout: a 0600 file, its path on stderr', async () => {
    const dataDir = join(root, 'data');
    const portFile = join(root, 'port.json');
    let stdout = '';
    let stderr = '';
    child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', QUORUM_DATA: dataDir, QUORUM_TLS: 'off', QUORUM_PORT_FILE: portFile, QUORUM_LOG: 'on' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    for (let i = 0; i < 300 && !existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 100));
    const { port } = JSON.parse(readFileSync(portFile, 'utf8')) as { port: number };

    const file = join(dataDir, 'first-admin-password.txt');
    const [username, password] = readFileSync(file, 'utf8').trim().split('\n');
    expect(username).toBe('admin');
    expect(modeOf(file)).toBe(0o600);
    expect(stderr).toContain(file);
    expect(stdout).not.toContain(password!);
    expect(stderr).not.toContain(password!);

    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(res.status).toBe(200);
    expect(stdout).not.toContain(password!); // the request log either

    expect(modeOf(dataDir)).toBe(0o700);
    for (const f of ['quorum.db', 'quorum.db-wal', 'quorum.db-shm']) expect([f, modeOf(join(dataDir, f))]).toEqual([f, 0o600]);
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
  }, 60_000);
});
