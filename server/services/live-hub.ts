// Live state over WebSocket: per-meeting subscriber sets, versioned messages, coalesced pushes.
//
// Services only say what changed (a sitting's attendance, a vote). The hub marks it dirty and, at most once
// per COALESCE_MS per meeting, loads the current state once and sends it to every subscriber as the next
// version. A burst of 3,000 ballots therefore costs a handful of tally reads and sends, not 3,000.
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { COALESCE_MS, type LiveView, type MeetingState, type ServerMessage } from '../../shared/protocol';
import type { AttendanceSummary, VoteView } from '../../shared/views';
import type { SittingAgenda } from '../../shared/agenda';

/** What a subscriber needs from its socket. */
export interface Subscriber {
  send(message: ServerMessage): void;
  /** The same message already serialised and encoded: a push to 3,000 tablets does that once, not 3,000 times. */
  sendRaw(data: Buffer): void;
}

export interface LiveSource {
  snapshot(meetingId: number): Promise<MeetingState>;
  attendance(sittingId: number): Promise<AttendanceSummary>;
  vote(voteId: number): Promise<VoteView>;
  agenda(sittingId: number): Promise<SittingAgenda>;
}

/** A tablet's open socket, as the hub reaches it when the tablet is revoked or changed. */
export interface DeviceSocket {
  disconnect(): void;
  recheck(): void;
}

/**
 * Another live part (speaking) that adds its current state to each snapshot; its later changes go out unversioned
 * (they carry their own order, shared/speaking.ts seq), so it needs no place in the channel's version sequence.
 */
export type SnapshotPart = (meetingId: number, view: LiveView, sittingId: number | null) => Promise<Partial<MeetingState>>;

/** Whether a vote change is a new count (console only) or a change of its state (every view). */
export type VoteChange = 'tally' | 'state';

const VIEWS: readonly LiveView[] = ['console', 'kiosk'];

/** A tablet's channel gets no 人脸校对 part: who was held, and the door alarms, are for staff. */
const forTablet = (a: AttendanceSummary): AttendanceSummary => {
  const { watch: _staffOnly, ...rest } = a;
  return rest;
};

/**
 * Sockets written per turn of the event loop in a push. A socket write costs ≈ 20 µs here, so a push to 3,000
 * tablets in one go held the loop ≈ 60 ms, and the ballots that arrived meanwhile waited (measured: p99 cast
 * latency 100–160 ms); between slices of this size the loop takes in what came.
 */
const SENDS_PER_TURN = 250;

interface MeetingChannel {
  meetingId: number;
  view: LiveView;
  /** A tablet's channel carries only its own sitting; null: the whole meeting (consoles). */
  sittingId: number | null;
  version: number;
  subscribers: Set<Subscriber>;
  dirtySittings: Set<number>;
  dirtyVotes: Set<number>;
  /** Sittings whose agenda (or current item) changed. */
  dirtyAgendas: Set<number>;
  timer: NodeJS.Timeout | null;
  lastFlush: number;
}

export class LiveHub {
  /**
   * @param coalesceMs at most one push per meeting per this many ms; 0 pushes every change at once (the naive
   * design, kept only so the benchmark can compare).
   */
  constructor(private readonly coalesceMs = COALESCE_MS) {}

  /** Changes on every server start, so a client can tell a restart from a gap. */
  readonly epoch = randomUUID();
  private readonly channels = new Map<string, MeetingChannel>();
  private source: LiveSource | null = null;
  /** Open sockets of paired tablets, so a revocation closes them at once. */
  private readonly deviceSockets = new Map<number, Set<DeviceSocket>>();
  /** Open staff sockets: each re-checks its session when an account changes (sign-out, disabling, password). */
  private readonly staffSockets = new Set<() => void>();
  /** Messages sent, for tests and benchmarks of the coalescing. */
  readonly stats = { flushes: 0, messages: 0 };

  setSource(source: LiveSource): void {
    this.source = source;
  }

  private readonly parts: SnapshotPart[] = [];

  addSnapshotPart(part: SnapshotPart): void {
    this.parts.push(part);
  }

  /**
   * Sends one message (already encoded) to every subscriber of a view that sees this sitting: the whole meeting's
   * channel and that sitting's. Unversioned (see SnapshotFollower); sliced like a flush so 3,000 tablets do not hold
   * the event loop.
   */
  async broadcast(meetingId: number, view: LiveView, sittingId: number, data: Buffer): Promise<void> {
    const subscribers = this.channelsOf(meetingId, view)
      .filter((ch) => ch.sittingId === null || ch.sittingId === sittingId)
      .flatMap((ch) => [...ch.subscribers]);
    for (let i = 0; i < subscribers.length; i++) {
      if (i > 0 && i % SENDS_PER_TURN === 0) await nextTurn();
      subscribers[i]!.sendRaw(data);
    }
    this.stats.messages += subscribers.length;
  }

  private channel(meetingId: number, view: LiveView, sittingId: number | null = null): MeetingChannel {
    const key = `${meetingId}/${view}/${sittingId ?? '*'}`;
    let ch = this.channels.get(key);
    if (!ch) {
      ch = { meetingId, view, sittingId, version: 0, subscribers: new Set(), dirtySittings: new Set(), dirtyVotes: new Set(), dirtyAgendas: new Set(), timer: null, lastFlush: 0 };
      this.channels.set(key, ch);
    }
    return ch;
  }

  /** The meeting's channels of that view: the whole-meeting one and each tablet sitting's. */
  private channelsOf(meetingId: number, view: LiveView): MeetingChannel[] {
    return [...this.channels.values()].filter((ch) => ch.meetingId === meetingId && ch.view === view);
  }

  /**
   * Subscribes and sends a snapshot at the current version. Re-subscribing just sends a fresh snapshot. A tablet
   * passes its sitting: it then sees that sitting's votes and attendance only, never another sitting's.
   */
  async subscribe(meetingId: number, sub: Subscriber, view: LiveView = 'console', sittingId: number | null = null): Promise<void> {
    const ch = this.channel(meetingId, view, sittingId);
    ch.subscribers.add(sub);
    await this.sendSnapshot(meetingId, sub, view, sittingId);
  }

  async sendSnapshot(meetingId: number, sub: Subscriber, view: LiveView = 'console', sittingId: number | null = null): Promise<void> {
    const ch = this.channel(meetingId, view, sittingId);
    const whole = await this.source!.snapshot(meetingId);
    const state =
      sittingId === null
        ? whole
        : {
            ...whole,
            attendance: whole.attendance.filter((a) => a.sittingId === sittingId).map(forTablet),
            votes: whole.votes.filter((v) => v.sittingId === sittingId),
            agenda: whole.agenda.filter((a) => a.sittingId === sittingId),
          };
    const extra = await Promise.all(this.parts.map((part) => part(meetingId, view, sittingId)));
    sub.send({ type: 'snapshot', epoch: this.epoch, version: ch.version, state: Object.assign(state, ...extra) });
    this.stats.messages += 1;
  }

  unsubscribe(sub: Subscriber): void {
    for (const ch of this.channels.values()) ch.subscribers.delete(sub);
  }

  /**
   * Registers a tablet's socket: `disconnect` closes it (revocation), `recheck` makes it read its device again
   * (a change of sitting or mode). Returns the function that forgets it (on close).
   */
  attachDevice(deviceId: number, socket: DeviceSocket): () => void {
    const set = this.deviceSockets.get(deviceId) ?? new Set();
    set.add(socket);
    this.deviceSockets.set(deviceId, set);
    return () => set.delete(socket);
  }

  /** Whether the tablet has a live socket open now. */
  isDeviceOnline(deviceId: number): boolean {
    return (this.deviceSockets.get(deviceId)?.size ?? 0) > 0;
  }

  /** Closes every open socket of a revoked tablet. */
  disconnectDevice(deviceId: number): void {
    for (const socket of this.deviceSockets.get(deviceId) ?? []) socket.disconnect();
    this.deviceSockets.delete(deviceId);
  }

  /** A tablet's sitting or mode changed: each of its sockets checks what it may still see. */
  deviceChanged(deviceId: number): void {
    for (const socket of [...(this.deviceSockets.get(deviceId) ?? [])]) socket.recheck();
  }

  /** Registers a staff socket's session check; returns the function that forgets it (on close). */
  attachStaff(recheck: () => void): () => void {
    this.staffSockets.add(recheck);
    return () => this.staffSockets.delete(recheck);
  }

  /** An account changed: every staff socket checks its session again (and closes if it ended). */
  recheckStaff(): void {
    for (const recheck of [...this.staffSockets]) recheck();
  }

  /**
   * Sends one unversioned message at once to every console-view subscriber that sees the sitting (staff consoles and
   * big screens): for what the state snapshot does not carry and a client reads again after a reconnect (投屏).
   */
  tellConsoles(meetingId: number, sittingId: number, message: ServerMessage): void {
    const raw = Buffer.from(JSON.stringify(message));
    for (const ch of this.channelsOf(meetingId, 'console')) {
      if (ch.sittingId !== null && ch.sittingId !== sittingId) continue;
      for (const sub of ch.subscribers) sub.sendRaw(raw);
    }
  }

  /** The sockets of one sitting's tablets (seat tablets, the big screen): a notice meant for them alone. */
  sittingSubscribers(meetingId: number, sittingId: number): Subscriber[] {
    return [...this.channels.values()].filter((ch) => ch.meetingId === meetingId && ch.sittingId === sittingId).flatMap((ch) => [...ch.subscribers]);
  }

  subscriberCount(meetingId: number): number {
    return VIEWS.reduce((n, view) => n + this.channelsOf(meetingId, view).reduce((m, ch) => m + ch.subscribers.size, 0), 0);
  }

  /** Attendance is pushed to console views only (a door tablet's too, for its own sitting). */
  attendanceChanged(meetingId: number, sittingId: number): void {
    for (const ch of this.channelsOf(meetingId, 'console')) {
      if (ch.sittingId !== null && ch.sittingId !== sittingId) continue;
      ch.dirtySittings.add(sittingId);
      this.schedule(ch);
    }
  }

  /** A vote changed; a tablet's channel drops it at flush if the vote is of another sitting. */
  voteChanged(meetingId: number, voteId: number, change: VoteChange): void {
    for (const view of change === 'state' ? VIEWS : (['console'] as const)) {
      for (const ch of this.channelsOf(meetingId, view)) {
        ch.dirtyVotes.add(voteId);
        this.schedule(ch);
      }
    }
  }

  /** A sitting's agenda or current item changed: every view hears it, a tablet only for its own sitting. */
  agendaChanged(meetingId: number, sittingId: number): void {
    for (const view of VIEWS) {
      for (const ch of this.channelsOf(meetingId, view)) {
        if (ch.sittingId !== null && ch.sittingId !== sittingId) continue;
        ch.dirtyAgendas.add(sittingId);
        this.schedule(ch);
      }
    }
  }

  private schedule(ch: MeetingChannel): void {
    if (ch.subscribers.size === 0) {
      // Nobody to tell: a later subscriber starts from a snapshot anyway.
      ch.dirtySittings.clear();
      ch.dirtyVotes.clear();
      ch.dirtyAgendas.clear();
      return;
    }
    if (ch.timer) return;
    const wait = Math.max(0, ch.lastFlush + this.coalesceMs - Date.now());
    ch.timer = setTimeout(() => void this.flush(ch), wait);
  }

  private async flush(ch: MeetingChannel): Promise<void> {
    const sittings = [...ch.dirtySittings];
    const votes = [...ch.dirtyVotes];
    const agendas = [...ch.dirtyAgendas];
    ch.dirtySittings.clear();
    ch.dirtyVotes.clear();
    ch.dirtyAgendas.clear();
    ch.lastFlush = Date.now();
    try {
      const messages: ServerMessage[] = [];
      // Versions are taken only after every load succeeded, so a failed load leaves no gap.
      const attendance = await Promise.all(sittings.map((id) => this.source!.attendance(id)));
      const loaded = await Promise.all(votes.map((id) => this.source!.vote(id)));
      const agendaViews = await Promise.all(agendas.map((id) => this.source!.agenda(id)));
      const voteViews = ch.sittingId === null ? loaded : loaded.filter((v) => v.sittingId === ch.sittingId);
      for (const a of attendance) messages.push({ type: 'attendance', version: ++ch.version, attendance: ch.sittingId === null ? a : forTablet(a) });
      for (const v of voteViews) messages.push({ type: 'vote', version: ++ch.version, vote: v });
      for (const a of agendaViews) messages.push({ type: 'agenda', version: ++ch.version, agenda: a });
      this.stats.flushes += 1;
      const raw = messages.map((m) => Buffer.from(JSON.stringify(m)));
      // Later flushes of this channel wait for this one (ch.timer), so each socket still gets versions in order.
      const subscribers = [...ch.subscribers];
      for (let i = 0; i < subscribers.length; i++) {
        if (i > 0 && i % SENDS_PER_TURN === 0) await nextTurn();
        const sub = subscribers[i]!;
        if (!ch.subscribers.has(sub)) continue; // gone while the push was under way
        for (const data of raw) sub.sendRaw(data);
        this.stats.messages += raw.length;
      }
    } catch {
      // Keep what changed for the next flush rather than lose an update.
      sittings.forEach((id) => ch.dirtySittings.add(id));
      votes.forEach((id) => ch.dirtyVotes.add(id));
      agendas.forEach((id) => ch.dirtyAgendas.add(id));
    } finally {
      ch.timer = null;
      if (ch.dirtySittings.size > 0 || ch.dirtyVotes.size > 0 || ch.dirtyAgendas.size > 0) this.schedule(ch);
    }
  }

  /** Sends pending changes now (used on shutdown and by tests that want no wait). */
  async drain(): Promise<void> {
    for (const ch of this.channels.values()) {
      if (ch.timer) {
        clearTimeout(ch.timer);
        await this.flush(ch);
      }
    }
  }

  close(): void {
    for (const ch of this.channels.values()) if (ch.timer) clearTimeout(ch.timer);
    this.channels.clear();
  }
}
