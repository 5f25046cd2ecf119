// The server under test, as its own process (so its RSS and CPU time are its own): started on a free
// loopback port over a prepared data folder, watched through /proc, killed at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const CLOCK_TICKS = 100; // USER_HZ on Linux
/** The V8 flags package.json's start script gives the server. */
export const SERVER_V8_FLAGS = ['--max-semi-space-size=64', '--heap-growing-percent=100'];

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (address && typeof address !== 'string' ? res(address.port) : rej(new Error('no port'))));
    });
  });
}

export interface ServerProcess {
  port: number;
  child: ChildProcess;
  rssMb(): number;
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  // BENCH_PROFILE=<dir> writes a V8 CPU profile of the server (open it in Chrome DevTools) to find hot spots.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  // As `npm start` runs it: a 64 MB young generation (V8's default is 16) halves scavenges in a ballot burst;
  // measured: server CPU 2.0 → 1.55 s and 1.8k → 2.35k ballots/s at 3,000 kiosks (BENCHMARKS.md).
  const child = spawn(process.execPath, [...profile, ...SERVER_V8_FLAGS, '--import', 'tsx', resolve(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', QUORUM_DATA: dataDir, QUORUM_LOG: process.env.QUORUM_LOG ?? 'off', QUORUM_TLS: 'off', ...env },
    stdio: ['ignore', process.env.QUORUM_LOG === 'on' ? 'inherit' : 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 180_000; // a start on a busy 2-core machine (load 20+) took over 60 s
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('server did not become healthy in 180 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  const proc = (file: string) => readFileSync(`/proc/${child.pid}/${file}`, 'utf8');
  return {
    port,
    child,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(proc('status'))![1]) / 1024,
    cpuSeconds: () => {
      const fields = proc('stat').slice(proc('stat').lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime + stime
    },
    stop: () =>
      new Promise<void>((res) => {
        if (child.exitCode !== null) return res();
        child.once('exit', () => res());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
