// Starts Quorum: reads config, opens (and migrates) the SQLite file, seeds the demo if asked, listens (HTTPS
// with a redirecting HTTP port unless QUORUM_TLS=off: server/tls/), and shuts down cleanly on SIGINT/SIGTERM
// so no write batch is cut in half.
import { renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { readConfig, type Config } from './config';
import { prepareDataDir } from './data-dir';
import { enrollDemoFaces, seedDemo } from './demo/seed-demo';
import { redescribeEnrolled } from './services/face-redescribe-service';
import { ArcFaceEngine } from './face/arcface-engine';
import { warmFaceNets } from './face/faceapi-engine';
import { ensureFirstAdmin } from './services/staff-service';
import { given, lanNames, loadOrCreate } from './tls/certificates';
import { CA_PATH, listenTls, type TlsListening } from './tls/serve';

/** Where the first start leaves the admin's one-time password, in the data folder (0600). */
const FIRST_ADMIN_FILE = 'first-admin-password.txt';

/** Written whole then renamed, so a harness polling for the file never reads half of it. */
function writePortFile(path: string, ports: { port: number; httpPort?: number }): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(ports));
  renameSync(`${path}.tmp`, path);
}

/** HTTPS on PORT with the given or made certificate, HTTP on HTTP_PORT; logs what a clerk needs to trust it. */
async function listenHttps(app: FastifyInstance, config: Config): Promise<TlsListening> {
  const material = config.tls.certFile
    ? given(config.tls.certFile, config.tls.keyFile!)
    : loadOrCreate(join(config.dataDir, 'tls'), lanNames(config.tls.extraNames));
  const tls = await listenTls(app, material, { host: config.host, port: config.port, httpPort: config.httpPort });
  const origin = `https://${material.names[0]}:${tls.port}`;
  app.log.info(`Quorum 会议报到与表决系统 HTTPS on port ${tls.port} (http on ${tls.httpPort} redirects); data in ${config.dataDir}`);
  app.log.info(`  console 控制台: ${origin}/console/   kiosk 终端: ${origin}/kiosk/`);
  app.log.info(`  certificate for: ${material.names.join(', ')}`);
  if (material.caCert) app.log.info(`  tablets install the root certificate from http://<this server>:${tls.httpPort}${CA_PATH}`);
  app.log.info(`  SHA-256 fingerprint to check on the tablet 证书指纹: ${material.fingerprint}`);
  if (config.portFile) writePortFile(config.portFile, { port: tls.port, httpPort: tls.httpPort });
  return tls;
}

/**
 * A person at a terminal reads one line per event (pino-pretty, times in the venue's zone set by TZ); piped into a
 * file or a collector, the log stays JSON lines. QUORUM_LOG=off silences it, QUORUM_LOG=json forces JSON.
 */
function loggerOptions(): boolean | object {
  const mode = process.env.QUORUM_LOG;
  if (mode === 'off') return false;
  if (mode === 'json' || !process.stdout.isTTY) return true;
  return { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:yyyy-mm-dd HH:MM:ss', ignore: 'pid,hostname' } } };
}

async function main(): Promise<void> {
  const config = readConfig();
  process.umask(0o077); // whatever the server writes (database, certificates, port file) is its own
  const looser = prepareDataDir(config.dataDir);
  const app = await buildApp({
    dbPath: config.dbPath,
    logger: loggerOptions(),
    documentStreams: config.documentStreams,
    ...(config.naive ? { groupCommit: false, coalesceMs: 0 } : {}),
  });
  // stderr, not the request log: shown even with QUORUM_LOG=off.
  for (const warning of looser) console.error(`警告：数据文件权限过宽 / warning: data permissions too loose: ${warning}`);
  // The face model is checked (SHA-256) before anything is served: a wrong file stops the start with its reason.
  await app.ctx.face.engine.init();
  if (config.demo) await seedDemo(app.ctx, app.log);
  // No default password: on the first start the admin account gets a one-time password. It never goes to stdout
  // (`npm start > server.log` keeps stdout): it is written to a file only this account can read, and the file's
  // path is printed on stderr. It must be changed at first sign-in.
  const firstAdmin = await ensureFirstAdmin(app.ctx);
  if (firstAdmin) {
    const file = join(config.dataDir, FIRST_ADMIN_FILE);
    writeFileSync(file, `${firstAdmin.username}\n${firstAdmin.password}\n`, { mode: 0o600 });
    console.error(`\n  首次启动：管理员账户 ${firstAdmin.username} 的一次性密码已写入（仅本账户可读）/ first start: the one-time password for ${firstAdmin.username} is in (readable by this account only):\n\n      ${file}\n\n  登录控制台后须立即修改，然后删除该文件 / change it at first sign-in, then delete the file.\n`);
  }
  let tls: TlsListening | null = null;
  if (config.tls.enabled) {
    tls = await listenHttps(app, config);
  } else {
    await app.listen({ port: config.port, host: config.host });
    const port = (app.server.address() as AddressInfo).port; // PORT=0 picks a free one
    app.log.info(`Quorum 会议报到与表决系统 listening on port ${port} (plain HTTP: QUORUM_TLS=off); data in ${config.dataDir}`);
    app.log.info(`  console 控制台: http://localhost:${port}/console/   kiosk 终端: http://localhost:${port}/kiosk/`);
    if (config.portFile) writePortFile(config.portFile, { port });
  }
  if (config.demo) void enrollDemoFaces(app.ctx, app.log).catch((e: unknown) => app.log.error({ err: e }, 'demo enrollment failed'));
  // The face nets are loaded once listening (the tablets reconnect meanwhile), not in the first import's way.
  if (app.ctx.face.engine instanceof ArcFaceEngine) void warmFaceNets().catch((e: unknown) => app.log.error({ err: e }, 'face nets warm-up failed'));
  void redescribeEnrolled(app.ctx, app.log).catch((e: unknown) => app.log.error({ err: e }, 'face re-description failed'));
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    await tls?.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
