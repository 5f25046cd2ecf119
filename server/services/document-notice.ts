// Tells a sitting's tablets that its documents changed, in slices: 3,000 tablets told at once would all start
// downloading in the same moment; NOTICE_SLICE every NOTICE_GAP_MS spreads the start over a few seconds (3,000
// tablets: 3 s), and the file gate (file-gate.ts) bounds how many downloads stream at once. A newer notice for the
// same sitting replaces one still under way (the tablets not yet told get the newer one).
import type { ServerMessage } from '../../shared/protocol';
import type { ServiceContext } from './context';
import type { LiveHub } from './live-hub';
import { getSitting } from './meeting-service';
import { sittingManifest } from './document-manifest';

export const NOTICE_SLICE = 100;
export const NOTICE_GAP_MS = 100;

const pending = new WeakMap<LiveHub, Map<number, NodeJS.Timeout>>();

function pendingOf(hub: LiveHub): Map<number, NodeJS.Timeout> {
  let map = pending.get(hub);
  if (!map) pending.set(hub, (map = new Map()));
  return map;
}

/** Sends the sitting's new manifest etag to its tablets, slice by slice. */
export async function noticeDocuments(ctx: ServiceContext, sittingId: number): Promise<void> {
  const { meetingId } = await getSitting(ctx, sittingId);
  const { etag } = await sittingManifest(ctx, sittingId);
  const message: ServerMessage = { type: 'documents', sittingId, etag };
  const raw = Buffer.from(JSON.stringify(message));
  const subscribers = ctx.hub.sittingSubscribers(meetingId, sittingId);
  const timers = pendingOf(ctx.hub);
  clearTimeout(timers.get(sittingId));
  const sendSlice = (from: number) => {
    for (const sub of subscribers.slice(from, from + NOTICE_SLICE)) sub.sendRaw(raw);
    if (from + NOTICE_SLICE >= subscribers.length) return void timers.delete(sittingId);
    const timer = setTimeout(() => sendSlice(from + NOTICE_SLICE), NOTICE_GAP_MS);
    timer.unref();
    timers.set(sittingId, timer);
  };
  sendSlice(0);
}
