// The live-state wire protocol, the one definition the server and both apps import.
//
// A client says hello for a meeting; the server answers with a snapshot carrying (epoch, version).
// Every later change comes as the next version. A client that sees a gap (version ≠ last + 1), a new
// epoch (the server restarted), or reconnects, sends `resync` (or a new hello) and gets a fresh snapshot.
import type { ErrorCode } from './errors';
import type { CastBallot, CastReply } from './schemas/votes';
import type { AttendanceSummary, MeetingView, VoteView } from './views';
import type { SeatSpeakingView, SpeakingView } from './speaking';
import type { SittingAgenda } from './agenda';
import type { ProjectionMessage } from './projection';

export const PROTOCOL_VERSION = 1;

/** Live-state URL path on the server. */
export const LIVE_PATH = '/api/live';

/** Tally and attendance pushes are coalesced to at most one per this many ms per meeting. */
export const COALESCE_MS = 100;

/**
 * What a subscriber wants pushed. 'console' (chair, clerks, big screen, door tablets showing 实到): attendance
 * and live tallies, coalesced. 'kiosk' (seat tablets): only changes of a vote's state (created, opened, closed,
 * announced, cancelled) — a seat needs no per-ballot counts, and 3,000 tablets fed every tally would spend the
 * server's CPU on sending. Each view has its own version sequence.
 */
export type LiveView = 'console' | 'kiosk';

export interface MeetingState {
  meeting: MeetingView;
  attendance: AttendanceSummary[];
  votes: VoteView[];
  /** Each sitting's agenda and current item (当前议程); a tablet's state holds its own sitting's only. */
  agenda: SittingAgenda[];
  /** Each sitting's speakers' queue and floor (发言), in a console's snapshot; later changes come as `speaking`. */
  speaking?: SpeakingView[];
  /** A seat tablet's sitting's floor and queue (as request ids), in its snapshot; later changes come as `seat-speaking`. */
  seatSpeaking?: SeatSpeakingView;
}

export type ClientMessage =
  /** Tablets send their device token: a revoked tablet is refused, and its open socket closed at once. */
  /** A tablet's hello carries its token and a proof (shared/device-proof: helloProofText) signed by its key. */
  | { type: 'hello'; protocol: number; meetingId: number; view?: LiveView; deviceToken?: string; proof?: string }
  | { type: 'resync' }
  | { type: 'ping' }
  /**
   * A seat tablet casts over the socket it already holds (the same body as POST /api/votes/:id/ballots): no HTTP
   * request per ballot, which at 3,000 tablets is most of the server's work (BENCHMARKS.md). Answered by
   * cast-result or cast-error with the ballot's clientId; a tablet that hears nothing sends it again.
   */
  | { type: 'cast'; voteId: number; ballot: CastBallot };

export type ServerMessage =
  | { type: 'snapshot'; epoch: string; version: number; state: MeetingState }
  | { type: 'attendance'; version: number; attendance: AttendanceSummary }
  | { type: 'vote'; version: number; vote: VoteView }
  /** A sitting's agenda changed (an item made, edited, moved or deleted, or the current item set): the whole of it. */
  | { type: 'agenda'; version: number; agenda: SittingAgenda }
  | { type: 'incompatible'; expected: number }
  | { type: 'error'; code: string; message: string }
  | { type: 'pong' }
  /** 投屏: the page the chair put on the big screen changed (shared/projection.ts); consoles only. */
  | ProjectionMessage
  | { type: 'cast-result'; clientId: string; reply: CastReply }
  /** A cast refused (4xx on HTTP) or failed (5xx: `retry` true, the same ballot may be sent again). */
  | { type: 'cast-error'; clientId: string; code: ErrorCode; message: string; retry: boolean }
  /**
   * The sitting's documents (会议文件) may have changed: a tablet fetches GET /api/device/documents again (its ETag
   * says whether anything did). Not versioned: a tablet also refetches after each snapshot, so a missed one costs
   * nothing. Sent to 3,000 tablets in slices (services/document-notice.ts), so their downloads do not start at once.
   */
  | { type: 'documents'; sittingId: number; etag: string }
  /**
   * A sitting's speaking state (发言): to consoles after every change, to seat tablets reduced (their place by request
   * id). Unversioned: each carries its own seq, and a client keeps the highest (shared/speaking.ts newer).
   */
  | { type: 'speaking'; speaking: SpeakingView }
  | { type: 'seat-speaking'; speaking: SeatSpeakingView };

/** A message that carries a version: the client applies it only if it is exactly the next one. */
export type VersionedMessage = Extract<ServerMessage, { version: number }>;

export function isVersioned(message: ServerMessage): message is VersionedMessage {
  return 'version' in message;
}
