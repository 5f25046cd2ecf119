// buildApp: registers plugins and routes, never listens. Tests call it and use inject or listen on port 0.
import { DOOR_PACE, type DoorPaceLimits } from '../shared/rules/door-pace';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import websocket from '@fastify/websocket';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { validatorCompiler } from './plugins/strict-params';
import { Database } from './db/database';
import { migrate } from './db/migrate';
import { startRowLog } from './audit/row-log';
import { startAnchor } from './audit/anchor';
import { LiveHub } from './services/live-hub';
import { liveSource } from './services/live-source';
import { FaceService, faceSettingsFromEnv, type FaceSettings } from './services/face-service';
import { FaceChallenges, type ChallengeRate } from './services/face-challenges';
import { FramePrints } from './services/frame-prints';
import { VoterTokens } from './services/voter-token';
import { DocumentStore } from './services/document-store';
import { FileGate } from './services/file-gate';
import { purgeExpiredEvidence } from './services/retention-service';
import type { ServiceContext } from './services/context';
import errors from './plugins/errors';
import securityHeaders from './plugins/security-headers';
import deviceAuth from './plugins/device-auth';
import deviceRoutes from './routes/devices';
import access from './plugins/access';
import authRoutes from './routes/auth';
import healthRoutes from './routes/health';
import { venueTimeZone } from './venue';
import bodyRoutes from './routes/bodies';
import meetingRoutes from './routes/meetings';
import agendaRoutes from './routes/agenda';
import attendanceRoutes from './routes/attendance';
import voteRoutes from './routes/votes';
import liveRoutes from './routes/live';
import faceRoutes from './routes/face';
import documentRoutes from './routes/documents';
import projectionRoutes from './routes/projection';
import documentFileRoutes from './routes/documents/files';
import seatRoutes from './routes/seat';

export interface AppOptions {
  /** SQLite file; created and migrated if new. */
  dbPath: string;
  /** false: silent; true: JSON lines; an object: pino options (main.ts asks for readable lines on a terminal). */
  logger?: boolean | FastifyServerOptions['logger'];
  /** Largest JSON body accepted (evidence photos travel as base64 in JSON). */
  bodyLimit?: number;
  /** Built kiosk and console (vite build output); served when present. */
  staticDir?: string;
  /** Face engine and match thresholds; defaults from the environment (README). */
  face?: Partial<FaceSettings>;
  /** The venue's time zone; default QUORUM_TZ or Asia/Shanghai. */
  timeZone?: string;
  /** Benchmark comparison only: false commits each write alone. */
  groupCommit?: boolean;
  /** Benchmark comparison only: 0 pushes every change at once. */
  coalesceMs?: number;
  /** Tests and benches that play many tablets' worth of check-ins on one: a looser face-challenge allowance. */
  challengeRate?: ChallengeRate;
  /** Benches that play many doors' worth of check-ins on one tablet: looser door physics (default DOOR_PACE). */
  doorPace?: DoorPaceLimits;
  /** Document files streamed at once (default DOCUMENT_STREAMS); the distribution bench compares. */
  documentStreams?: number;
}

/** Largest upload (roster + photo zip): a 3,000-deputy photo set fits. */
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const HOUR_MS = 60 * 60 * 1000;
/**
 * Document files streamed to tablets at once. Two fill loopback as fast as sixteen (3,000 tablets × 20 MB: 319 s
 * against 304 s) while a vote cast during the distribution keeps p99 21 ms instead of 538 ms (BENCHMARKS.md).
 */
export const DOCUMENT_STREAMS = 2;

export const DIST_DIR = resolve(import.meta.dirname, '..', 'dist');

const NODE_MODULES = resolve(import.meta.dirname, '..', 'node_modules');
/** URL prefix → folder, for the models the kiosk loads in the browser. */
export const MODEL_DIRS: Record<string, string> = {
  '/models/face-api/': resolve(NODE_MODULES, '@vladmandic/face-api/model'),
  '/models/tfjs-wasm/': resolve(NODE_MODULES, '@tensorflow/tfjs-backend-wasm/dist'),
  // pdf.js's CJK CMaps and standard fonts, for the seat reader's PDFs that do not embed their fonts.
  '/pdfjs/cmaps/': resolve(NODE_MODULES, 'pdfjs-dist/cmaps'),
  '/pdfjs/standard_fonts/': resolve(NODE_MODULES, 'pdfjs-dist/standard_fonts'),
};

declare module 'fastify' {
  interface FastifyInstance {
    ctx: ServiceContext;
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const db = await Database.open(options.dbPath, { groupCommit: options.groupCommit });
  await migrate(db);
  await startRowLog(db);
  const anchorProblem = await startAnchor(db, options.dbPath);
  const hub = new LiveHub(options.coalesceMs);
  const face = new FaceService(db, faceSettingsFromEnv(process.env, options.face));
  const ctx: ServiceContext = {
    db,
    hub,
    face,
    voterTokens: VoterTokens.load(options.dbPath),
    timeZone: options.timeZone ?? venueTimeZone(),
    challenges: new FaceChallenges(undefined, options.challengeRate),
    prints: new FramePrints(db),
    doorPace: options.doorPace ?? DOOR_PACE,
    documents: DocumentStore.besideDatabase(options.dbPath),
    fileGate: new FileGate(options.documentStreams ?? DOCUMENT_STREAMS),
  };
  await purgeExpiredEvidence(ctx);
  const purgeTimer = setInterval(() => void purgeExpiredEvidence(ctx).catch(() => undefined), HOUR_MS);
  purgeTimer.unref();
  hub.setSource(liveSource(ctx));

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // TypeBox's own compiler: bodies are checked as sent (no type coercion), params/query are converted.
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.decorate('ctx', ctx);
  if (anchorProblem) app.log.error(`审计日志与锚点不符 / the audit log does not reach its anchor: ${anchorProblem.message}`);
  app.addHook('onClose', async () => {
    clearInterval(purgeTimer);
    hub.close();
    await db.close();
  });

  await app.register(securityHeaders);
  await app.register(errors);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 500 } });
  await app.register(deviceAuth);
  await app.register(access);
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(deviceRoutes);
  await app.register(bodyRoutes);
  await app.register(meetingRoutes);
  await app.register(agendaRoutes);
  await app.register(attendanceRoutes);
  await app.register(voteRoutes);
  await app.register(liveRoutes);
  await app.register(faceRoutes);
  await app.register(documentRoutes);
  await app.register(projectionRoutes);
  await app.register(documentFileRoutes);
  await app.register(seatRoutes);
  await app.register(import('./routes/reports'));
  await app.register(import('./routes/speaking'));
  await app.register(import('./routes/hall'));
  // Face models and the tfjs WASM binaries, served from node_modules: the LAN has no CDN.
  for (const [prefix, dir] of Object.entries(MODEL_DIRS)) {
    await app.register(fastifyStatic, { root: dir, prefix, decorateReply: false, maxAge: '1d' });
  }
  const staticDir = options.staticDir ?? DIST_DIR;
  if (existsSync(staticDir)) {
    await app.register(fastifyStatic, { root: staticDir, prefix: '/', index: 'index.html', decorateReply: false });
    app.get('/', (_req, reply) => reply.redirect('/console/'));
  }
  return app;
}
