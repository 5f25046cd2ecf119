// What systemd does with server/deploy/quorum.service, for a machine without systemd (this sandbox, CI): reads the
// rendered unit's [Service] section and runs its ExecStart in its WorkingDirectory with its Environment=, and when
// the process ends, starts it again after RestartSec= as Restart= says (always / on-failure / no). Only these keys:
// `systemd-analyze verify` checks the unit file itself (tests/integration/service-unit.test.ts).
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServiceSpec {
  execStart: string[];
  workingDirectory: string;
  environment: Record<string, string>;
  restart: 'always' | 'on-failure' | 'no';
  restartSec: number;
}

/** The [Service] keys of a unit file that say how to run and restart it. */
export function readService(unit: string): ServiceSpec {
  const section = /\[Service\]([\s\S]*?)(?:\n\[|$)/.exec(unit)?.[1] ?? '';
  const values = (key: string) => [...section.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1]!.trim());
  const environment = Object.fromEntries(values('Environment').map((v) => [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)]));
  return {
    execStart: values('ExecStart')[0]!.split(/\s+/),
    workingDirectory: values('WorkingDirectory')[0]!,
    environment,
    restart: (values('Restart')[0] ?? 'no') as ServiceSpec['restart'],
    restartSec: Number(values('RestartSec')[0] ?? '0.1'),
  };
}

export interface Supervisor {
  /** The process running now (null between a death and its restart). */
  readonly child: ChildProcess | null;
  /** How many times the process was started again after it ended. */
  readonly restarts: number;
  stop(): Promise<void>;
}

/** Starts the service as the unit says, with `extraEnv` on top (as a drop-in's Environment= would). */
export function supervise(spec: ServiceSpec, extraEnv: Record<string, string>): Supervisor {
  let child: ChildProcess | null = null;
  let restarts = 0;
  let stopping = false;
  const start = () => {
    const [command, ...args] = spec.execStart;
    child = spawn(command!, args, { cwd: spec.workingDirectory, env: { ...process.env, ...spec.environment, ...extraEnv }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('exit', (code, signal) => {
      child = null;
      const failed = code !== 0 || signal !== null;
      if (stopping || spec.restart === 'no' || (spec.restart === 'on-failure' && !failed)) return;
      setTimeout(() => {
        if (stopping) return;
        restarts += 1;
        start();
      }, spec.restartSec * 1000);
    });
  };
  start();
  return {
    get child() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        const c = child as ChildProcess | null;
        if (!c) return resolve();
        c.once('exit', () => resolve());
        c.kill('SIGTERM');
        setTimeout(() => c.kill('SIGKILL'), 15_000).unref();
      }),
  };
}
