// Speaking (发言): what the server and the apps agree on — the queue of a sitting, the floor, the time limits, and
// the reduced view a seat tablet gets. The server keeps the queue in the order requests reached it (arrival: the
// row id the one writer gave them); an answer turn (答) of an inquiry item sits right after the question it answers.

/** 发言 (a deputy's speech), 问 (a deputy's question in a 询问 item), 答 (an official's answer, named by a clerk). */
export type SpeechTurn = 'speech' | 'question' | 'answer';

export type SpeechState = 'queued' | 'speaking' | 'done' | 'withdrawn' | 'skipped';

/** The default time per speech when neither the item nor the sitting sets one: 大会发言 5 分钟. */
export const DEFAULT_SPEECH_SECONDS = 300;
export const MIN_SPEECH_SECONDS = 30;
export const MAX_SPEECH_SECONDS = 3600;

/** One turn in the queue or on the floor, as the console and the big screen show it. */
export interface SpeechEntry {
  id: number;
  turn: SpeechTurn;
  /** null for an official's answer. */
  deputyId: number | null;
  name: string;
  delegation: string | null;
  /** The seat label (3排12座) of the tablet it was asked from, or null. */
  seat: string | null;
  agendaItemId: number | null;
  /** 答: the question (its id) it answers. */
  answersId: number | null;
  requestedAt: string;
}

export interface FloorEntry extends SpeechEntry {
  startedAt: string;
  limitSeconds: number;
  /** startedAt + limit: the countdown's end, on the server's clock. */
  endsAt: string;
}

/** The time per speech: the sitting's own (item 0) and each item's that sets one. */
export interface SpeechLimits {
  sitting: number;
  items: Record<string, number>;
}

/** A sitting's speaking state, pushed to consoles and big screens on every change. */
export interface SpeakingView {
  sittingId: number;
  /** Grows with every change pushed by this server process: a client keeps the view with the highest seq. */
  seq: number;
  /** The server's clock when the view was made (ms since the epoch): clients count down against it, not their own. */
  serverNow: number;
  limits: SpeechLimits;
  floor: FloorEntry | null;
  queue: SpeechEntry[];
  /** Speeches ended so far in this sitting. */
  spoken: number;
}

/** What a seat tablet needs: who has the floor and the queue as request ids only (its position is its index + 1). */
export interface SeatSpeakingView {
  sittingId: number;
  seq: number;
  serverNow: number;
  floor: { id: number; name: string; seat: string | null; endsAt: string; limitSeconds: number } | null;
  queue: number[];
}

export function seatView(v: SpeakingView): SeatSpeakingView {
  const f = v.floor;
  return {
    sittingId: v.sittingId,
    seq: v.seq,
    serverNow: v.serverNow,
    floor: f && { id: f.id, name: f.name, seat: f.seat, endsAt: f.endsAt, limitSeconds: f.limitSeconds },
    queue: v.queue.map((e) => e.id),
  };
}

/** The limit that applies to a turn for this item: the item's own, else the sitting's. */
export function limitFor(limits: SpeechLimits, agendaItemId: number | null): number {
  return (agendaItemId !== null ? limits.items[String(agendaItemId)] : undefined) ?? limits.sitting;
}

/**
 * The difference between the server's clock and this device's (ms to add to Date.now()), from a view's serverNow
 * and the local time it arrived: clocks of tablets and the big screen's PC differ by seconds or minutes.
 */
export const clockSkew = (serverNow: number, receivedAt: number): number => serverNow - receivedAt;

/** Seconds left on the floor (negative once over time), on the server's clock. */
export function secondsLeft(endsAt: string, skewMs: number, localNow: number = Date.now()): number {
  return Math.ceil((Date.parse(endsAt) - (localNow + skewMs)) / 1000);
}

/** 4:05, or −0:12 once over time. */
export function formatCountdown(seconds: number): string {
  const s = Math.abs(seconds);
  return `${seconds < 0 ? '−' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Keeps the newer of two views of the same sitting (a late push never undoes a newer one). */
export function newer<T extends { seq: number }>(held: T | undefined, came: T): T {
  return held && held.seq > came.seq ? held : came;
}

/** One speech (or question, or answer) as the 履职档案 and the speech report (发言记录) list it. */
export interface SpokenTurn {
  id: number;
  meetingName: string;
  sittingId: number;
  sittingName: string;
  /** The agenda item spoken on, or null (a speech on no item). */
  itemTitle: string | null;
  turn: SpeechTurn;
  deputyId: number | null;
  name: string;
  delegation: string | null;
  seat: string | null;
  startedAt: string;
  /** null while still speaking. */
  endedAt: string | null;
  limitSeconds: number | null;
}

/** A sitting's speech report (发言记录): every turn taken, in order, with the audit chain's head for the sheet. */
export interface SpeechReport {
  sittingId: number;
  sittingName: string;
  meetingName: string;
  bodyName: string;
  turns: SpokenTurn[];
  auditHead: string;
  generatedAt: string;
}
