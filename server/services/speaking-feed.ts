// Pushes a sitting's speaking state (发言) when it changes: to consoles and big screens at once (the chair's queue
// must follow within 250 ms), to seat tablets reduced and at most every KIOSK_MS. A new request only adds to the end of
// the queue: no tablet's place moves, and the asking tablet has its place in the answer, so tablets hear only changes
// that move places or the floor (withdraw, skip, floor, end) — a burst of 300 requests then costs 3,000 tablets
// nothing. Each push is made by one flush at a time per sitting and view, so the seq a client sees only grows.
import type { LiveView, MeetingState } from '../../shared/protocol';
import { seatView } from '../../shared/speaking';
import type { ServiceContext } from './context';
import { getMeeting } from './meeting-service';
import { speakingView } from './speaking-view';

/** Console pushes gather changes this long (a burst of requests costs a few loads, not one each). */
const CONSOLE_MS = 20;
/** 3,000 tablets fed every change of a 300-request burst would cost more than the requests themselves. */
const KIOSK_MS = 500;

interface Pending {
  meetingId: number;
  timer: NodeJS.Timeout | null;
  running: boolean;
  again: boolean;
}

class SpeakingFeed {
  private readonly seqs = new Map<number, number>();
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly ctx: ServiceContext) {}

  nextSeq(sittingId: number): number {
    const seq = (this.seqs.get(sittingId) ?? 0) + 1;
    this.seqs.set(sittingId, seq);
    return seq;
  }

  changed(meetingId: number, sittingId: number, tablets: boolean): void {
    for (const view of tablets ? (['console', 'kiosk'] as const) : (['console'] as const)) {
      const key = `${sittingId}/${view}`;
      const p = this.pending.get(key) ?? { meetingId, timer: null, running: false, again: false };
      this.pending.set(key, p);
      if (p.running) p.again = true;
      else if (!p.timer) p.timer = setTimeout(() => void this.flush(p, view, sittingId), view === 'console' ? CONSOLE_MS : KIOSK_MS);
    }
  }

  private async flush(p: Pending, view: LiveView, sittingId: number): Promise<void> {
    p.timer = null;
    p.running = true;
    try {
      const v = await speakingView(this.ctx, sittingId, this.nextSeq(sittingId));
      const message = view === 'console' ? { type: 'speaking', speaking: v } : { type: 'seat-speaking', speaking: seatView(v) };
      await this.ctx.hub.broadcast(p.meetingId, view, sittingId, Buffer.from(JSON.stringify(message)));
    } catch {
      p.again = true; // keep the change for the next try rather than lose it
    } finally {
      p.running = false;
      if (p.again) {
        p.again = false;
        p.timer = setTimeout(() => void this.flush(p, view, sittingId), view === 'console' ? CONSOLE_MS : KIOSK_MS);
      }
    }
  }

  /** For a snapshot: the sitting's (a tablet's, reduced) or every sitting's (a console's) speaking state as it is now. */
  async part(meetingId: number, view: LiveView, sittingId: number | null): Promise<Partial<MeetingState>> {
    const sittings = sittingId !== null ? [sittingId] : (await getMeeting(this.ctx, meetingId)).sittings.map((s) => s.id);
    const views = await Promise.all(sittings.map((id) => speakingView(this.ctx, id, this.seqs.get(id) ?? 0)));
    return view === 'kiosk' ? { seatSpeaking: seatView(views[0]!) } : { speaking: views };
  }
}

const feeds = new WeakMap<ServiceContext, SpeakingFeed>();

function feedOf(ctx: ServiceContext): SpeakingFeed {
  let feed = feeds.get(ctx);
  if (!feed) feeds.set(ctx, (feed = new SpeakingFeed(ctx)));
  return feed;
}

/** Once per app: every snapshot carries the speaking state its subscriber may see. */
export function startSpeakingFeed(ctx: ServiceContext): void {
  ctx.hub.addSnapshotPart((meetingId, view, sittingId) => feedOf(ctx).part(meetingId, view, sittingId));
}

/** `tablets`: false for a change that only adds to the end of the queue (a new request): no tablet's place moves. */
export function speakingChanged(ctx: ServiceContext, meetingId: number, sittingId: number, tablets = true): void {
  feedOf(ctx).changed(meetingId, sittingId, tablets);
}
