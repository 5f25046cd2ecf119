// Configuration from the environment, with the defaults the README documents.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  dbPath: string;
  demo: boolean;
  /** QUORUM_NAIVE=1 turns off group commit and push coalescing: only for the benchmark's comparison run. */
  naive: boolean;
  /** QUORUM_PORT_FILE: after listening, the ports are written there as JSON (for PORT=0 and test harnesses). */
  portFile: string | null;
  /** Plain HTTP port when TLS is on: redirects to HTTPS on `port`, serves loopback requests (HTTP_PORT, 3080). */
  httpPort: number;
  /** HTTPS (default) or off (QUORUM_TLS=off, development); cert and key given, or made under dataDir/tls. */
  tls: { enabled: boolean; certFile: string | null; keyFile: string | null; extraNames: string[] };
  /** QUORUM_DOCUMENT_STREAMS: document files streamed to tablets at once (default: app.ts DOCUMENT_STREAMS). */
  documentStreams: number | undefined;
}

function portOf(value: string | undefined, fallback: number, name: string): number {
  const port = Number(value ?? fallback);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, got ${value}`);
  return port;
}

function positiveInteger(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${value}`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const dataDir = resolve(env.QUORUM_DATA ?? './data');
  if (!env.QUORUM_TLS_CERT !== !env.QUORUM_TLS_KEY) throw new Error('QUORUM_TLS_CERT and QUORUM_TLS_KEY go together');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    dbPath: resolve(dataDir, 'quorum.db'),
    demo: argv.includes('--demo') || env.QUORUM_DEMO === '1',
    naive: env.QUORUM_NAIVE === '1',
    portFile: env.QUORUM_PORT_FILE ? resolve(env.QUORUM_PORT_FILE) : null,
    httpPort: portOf(env.HTTP_PORT, 3080, 'HTTP_PORT'),
    tls: {
      enabled: env.QUORUM_TLS !== 'off',
      certFile: env.QUORUM_TLS_CERT ? resolve(env.QUORUM_TLS_CERT) : null,
      keyFile: env.QUORUM_TLS_KEY ? resolve(env.QUORUM_TLS_KEY) : null,
      extraNames: (env.QUORUM_TLS_NAMES ?? '').split(',').map((n) => n.trim()).filter(Boolean),
    },
    documentStreams: env.QUORUM_DOCUMENT_STREAMS ? positiveInteger(env.QUORUM_DOCUMENT_STREAMS, 'QUORUM_DOCUMENT_STREAMS') : undefined,
  };
}
