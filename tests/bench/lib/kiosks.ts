// Simulated seat kiosks: each pairs through the real pairing API, holds the tablets' own live client (shared/
// live-client) on a WebSocket, checks its deputy in at a door kiosk by face, identifies at the seat, and casts
// through that client with its voter token, as the kiosk app does.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { CastFailed } from '../../../shared/live-casts';
import { LiveClient, type ConnectionStatus, type SocketLike } from '../../../shared/live-client';
import type { MeetingState } from '../../../shared/protocol';
import type { Mark } from '../../../shared/types';
import { type JsonClient, pool } from './http';
import { VOTER_TOKEN_TTL_MS } from '../../../server/services/voter-token';
import type { Prepared } from './prepare';
import { lazySigner, newTablet } from '../../helpers/devices';

export interface Kiosk {
  deputyId: number;
  deviceId: number;
  token: string;
  headers: { authorization: string };
  live: LiveClient | null;
  voterToken: string | null;
  /** Secret votes: the tablet's own secret for this vote, so a change replaces its ballot. */
  ballotSecret: string;
  /** Votes this tablet's live state shows open, and who waits for one to show. */
  shown: Set<number>;
  waiting: Map<number, () => void>;
}

/** Resolves once the tablet's live state shows the vote open: the kiosk app shows the ballot only then. */
function voteShown(k: Kiosk, voteId: number): Promise<void> {
  return k.shown.has(voteId) ? Promise.resolve() : new Promise((resolve) => k.waiting.set(voteId, resolve));
}

/** Resolves when every tablet shows the vote open (the push that opens it reaching them all). */
export async function allShown(kiosks: Kiosk[], voteId: number): Promise<void> {
  await Promise.all(kiosks.map((k) => voteShown(k, voteId)));
}

const CONCURRENCY = 64;

/**
 * As a tablet pairs: its own key and the code read from it, the clerk types the code, the tablet claims it (signed).
 * 3,000 six-digit codes read from keys share a code a few times (birthday bound: ~4.5 pairs); such a code is a clash
 * for both tablets and each makes a new key and code, as the kiosk does (pairing-asks.ts).
 */
async function pair(client: JsonClient, mode: 'door' | 'seat', sittingId: number, name: string) {
  for (let attempt = 1; ; attempt++) {
    const tab = await newTablet();
    const a = await client.request('POST', '/api/devices/accept', { code: tab.code, name, mode, sittingId });
    const headers = { authorization: `Bearer ${tab.token}` };
    const c = a.status === 201 ? await client.request('POST', '/api/devices/pairing', { token: tab.token, publicKey: tab.publicKey }, headers) : a;
    if (c.status === 201) return { token: tab.token, deviceId: (a.body as { id: number }).id, headers };
    if (c.status !== 409 || attempt === 5) throw new Error(`pairing failed: ${c.status} ${JSON.stringify(c.body)}`);
  }
}

export async function pairKiosks(client: JsonClient, prep: Prepared, doors: number) {
  const doorHeaders = await pool(Array.from({ length: doors }), CONCURRENCY, async (_, i) => (await pair(client, 'door', prep.sittingId, `门${i + 1}`)).headers);
  const kiosks = await pool(prep.deputyIds, CONCURRENCY, async (deputyId, i): Promise<Kiosk> => ({
    deputyId,
    ...(await pair(client, 'seat', prep.sittingId, `座位${i + 1}`)),
    live: null,
    voterToken: null,
    ballotSecret: randomBytes(16).toString('hex'),
    shown: new Set(),
    waiting: new Map(),
  }));
  return { doorHeaders, kiosks };
}

/** Asks "who am I" for every kiosk, as a tablet does when it starts. */
export async function warmUp(client: JsonClient, kiosks: Kiosk[]): Promise<void> {
  await pool(kiosks, CONCURRENCY, async (k) => {
    const me = await client.request('GET', '/api/device/me', undefined, k.headers);
    if (me.status !== 200) throw new Error(`kiosk not paired: ${me.status}`);
  });
}

/**
 * A kiosk's live client, as the seat tablet makes it: signed hello, and each vote that opens marked as shown.
 * `onState`: also told of every state the tablet applies (the agenda bench watches its current item).
 */
export function kioskLive(port: number, meetingId: number, k: Kiosk, onStatus: (status: ConnectionStatus) => void, onState?: (state: MeetingState) => void): LiveClient {
  return new LiveClient({
    origin: `ws://127.0.0.1:${port}`,
    meetingId,
    view: 'kiosk',
    device: lazySigner(k.token),
    connect: (url) => new WebSocket(url) as unknown as SocketLike,
    onState: (state) => {
      for (const v of state.votes) {
        if (v.state !== 'open' || k.shown.has(v.id)) continue;
        k.shown.add(v.id);
        k.waiting.get(v.id)?.();
      }
      onState?.(state);
    },
    onStatus,
  });
}

/** Opens every kiosk's live client (hello with its device token → snapshot); resolves with how many went live. */
export async function connectKiosks(port: number, meetingId: number, kiosks: Kiosk[], onState?: (k: Kiosk, state: MeetingState) => void): Promise<number> {
  let connected = 0;
  await pool(kiosks, 200, (k) =>
    new Promise<void>((resolve) => {
      k.live = kioskLive(
        port,
        meetingId,
        k,
        (status) => {
          if (status === 'live') connected += 1;
          if (status !== 'connecting') resolve();
        },
        onState && ((state) => onState(k, state)),
      );
    }),
  );
  return connected;
}

/**
 * Everyone checked in before the vote. A face check-in needs camera frames and ≈ 1 s of server CPU each
 * (`npm run bench:door` measures it), far beyond this bench's subject, so the clerk's check-in route (人工补签) is used:
 * the same attendance rows and live pushes.
 */
export async function checkInAll(client: JsonClient, prep: Prepared, kiosks: Kiosk[]) {
  const att = await client.request<{ entries: Array<{ participant: { id: number; deputyId: number | null } }> }>('GET', `/api/sittings/${prep.sittingId}/attendance`);
  const participantOf = new Map(att.body.entries.map((e) => [e.participant.deputyId, e.participant.id]));
  const ms: number[] = [];
  const statuses: Record<string, number> = {};
  await pool(kiosks, CONCURRENCY, async (k) => {
    const res = await client.request<{ status: string }>('POST', `/api/sittings/${prep.sittingId}/checkins/manual`, { participantId: participantOf.get(k.deputyId), reason: '压力测试' });
    ms.push(res.ms);
    const key = res.status === 201 ? res.body.status : `http ${res.status}`;
    statuses[key] = (statuses[key] ?? 0) + 1;
  });
  return { ms, statuses };
}

/**
 * A voter token per seat, as the server issues one when it recognises the deputy from the seat's camera frames
 * (signed with the server's key, bound to deputy and tablet): identification by frames is measured by bench:door.
 */
export function identifyAll(prep: Prepared, kiosks: Kiosk[]): number {
  for (const k of kiosks) {
    const payload = `${k.deputyId}.${k.deviceId}.${Date.now() + VOTER_TOKEN_TTL_MS}`;
    k.voterToken = `${payload}.${createHmac('sha256', Buffer.from(prep.voterTokenKey, 'hex')).update(payload).digest('base64url')}`;
  }
  return kiosks.length;
}

export interface CastLog {
  latencies: number[];
  firstSend: number;
  lastAck: number;
  accepted: number;
  duplicates: number;
  failures: Record<string, number>;
  /** The choice that must count for each deputy. */
  final: Map<number, Mark>;
}

/**
 * Every kiosk casts once at a random moment within `windowMs`; `retryShare` of them resend the same request
 * (a retry after a lost answer) and `changeShare` change their vote with a new request.
 */
export async function castAll(
  voteId: number,
  optionId: number,
  kiosks: Kiosk[],
  opts: { windowMs: number; retryShare: number; changeShare: number },
): Promise<CastLog> {
  const log: CastLog = { latencies: [], firstSend: Infinity, lastAck: 0, accepted: 0, duplicates: 0, failures: {}, final: new Map() };
  const marks: Mark[] = ['yes', 'no', 'abstain'];
  const send = async (k: Kiosk, clientId: string, mark: Mark) => {
    const started = performance.now();
    log.firstSend = Math.min(log.firstSend, started);
    const ballot = { clientId, voterToken: k.voterToken!, ballotSecret: k.ballotSecret, content: { marks: { [optionId]: mark } } };
    let outcome: string;
    try {
      outcome = (await k.live!.cast(voteId, ballot)).outcome;
    } catch (e) {
      outcome = e instanceof CastFailed ? e.code : String(e);
    }
    log.latencies.push(performance.now() - started);
    log.lastAck = Math.max(log.lastAck, performance.now());
    if (outcome === 'recorded' || outcome === 'changed') log.accepted += 1;
    else if (outcome === 'duplicate') log.duplicates += 1;
    else log.failures[outcome] = (log.failures[outcome] ?? 0) + 1;
    return outcome;
  };
  await Promise.all(
    kiosks.map(async (k, i) => {
      await new Promise((r) => setTimeout(r, Math.random() * opts.windowMs));
      const clientId = randomUUID();
      const mark = marks[i % 3]!;
      if ((await send(k, clientId, mark)) === 'recorded') log.final.set(k.deputyId, mark);
      if (Math.random() < opts.retryShare) await send(k, clientId, mark);
      if (Math.random() < opts.changeShare) {
        const changed = marks[(i + 1) % 3]!;
        if ((await send(k, randomUUID(), changed)) === 'changed') log.final.set(k.deputyId, changed);
      }
    }),
  );
  return log;
}

export function closeKiosks(kiosks: Kiosk[]): void {
  for (const k of kiosks) k.live?.close();
}
