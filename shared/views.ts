// What the server sends back: read models shared by the API replies and the live WebSocket state.
import type { AgendaEntry } from './agenda';
import type { VoteResult } from './rules/result-types';
import type { TrackerTally } from './ballot-tracker';
import type { DoorWatchLive } from './door-watch';
import type {
  BodyRules,
  ChangePolicy,
  DeputyStatus,
  ParticipantRole,
  PassRule,
  Secrecy,
  VoteKind,
  VoteOption,
  VoteState,
} from './types';

export interface BodyView {
  id: number;
  name: string;
  rules: BodyRules;
  deputies: number;
  inOffice: number;
  /** Archived (archive-service): off every list and picker, its records still readable. Set by GET /api/bodies/:id. */
  archived?: boolean;
}

export interface DeputyView {
  id: number;
  bodyId: number;
  name: string;
  gender: string | null;
  delegation: string | null;
  cardNo: string;
  status: DeputyStatus;
  /** Enrolled face photos (descriptors stored); 0 = not enrolled. */
  faces: number;
  hasThumbnail: boolean;
}

export interface SittingView {
  id: number;
  meetingId: number;
  name: string;
  startsAt: string | null;
}

export interface MeetingView {
  id: number;
  bodyId: number;
  bodyName: string;
  name: string;
  sittings: SittingView[];
}

export interface ParticipantView {
  id: number;
  meetingId: number;
  role: ParticipantRole;
  deputyId: number | null;
  name: string;
  organisation: string | null;
  delegation: string | null;
}

/** 应到 / 实到 / 请假 / 缺席 for one sitting, counted over deputies in office; quorum from the body rules. */
export interface AttendanceSummary {
  sittingId: number;
  expected: number;
  present: number;
  onLeave: number;
  absent: number;
  quorum: { met: boolean; required: number; shortBy: number };
  /** 列席 and staff checked in: shown, never counted toward quorum. */
  othersPresent: number;
  /** The sitting has begun (start time passed or a vote opened): before it, not checked in reads 未报到, not 缺席. */
  started: boolean;
  /** 人脸校对: latest check-ins and open door alarms (consoles' live state only; shared/door-watch.ts). */
  watch?: DoorWatchLive;
}

export interface CheckinView {
  participantId: number;
  method: 'face' | 'manual';
  at: string;
  deviceId: number | null;
  distance: number | null;
  margin: number | null;
  reason: string | null;
  hasEvidence: boolean;
  /** Face check-ins: how many frames are kept as evidence (frontal, turned, back) and the anti-spoof score (information only). */
  frames: number;
  antispoof: number | null;
}

export interface AttendanceEntry {
  participant: ParticipantView;
  status: 'present' | 'leave' | 'absent';
  checkin: CheckinView | null;
  leaveReason: string | null;
  /** Deputy no longer in office: listed, never counted. */
  inOffice: boolean;
}

export interface VoteView {
  id: number;
  sittingId: number;
  agendaItemId: number;
  kind: VoteKind;
  title: string;
  secrecy: Secrecy;
  changePolicy: ChangePolicy;
  state: VoteState;
  options: VoteOption[];
  maxYes: number | null;
  allowWriteIn: boolean;
  passRule: PassRule;
  /** 已投: deputies who have voted. */
  cast: number;
  /** 应投: deputies of the electorate checked in to the sitting. */
  expected: number;
  /** Deputies in office when the vote opened (the 'all' base). */
  inOffice: number | null;
  /** Live per-option counts: open votes only while open; every vote once closed (then it is the fixed result). */
  tally: VoteResult | null;
  quorumOverride: string | null;
  openedAt: string | null;
  closedAt: string | null;
  announcedAt: string | null;
  /** Secret votes: ended, but the WAL could not yet be truncated (a reader held it), so announcing waits. */
  walPending: boolean;
  /** Closed secret votes: seat tablets that checked their ballots in the published box (计票核验); else null. */
  tracker: TrackerTally | null;
}

/** An agenda item with its votes, as the console's agenda and vote pages show it. */
export interface AgendaItemView extends AgendaEntry {
  votes: VoteView[];
  /** The sitting's current item (当前议程). */
  current: boolean;
}

export type DeviceMode = 'door' | 'seat' | 'screen';

export interface DeviceView {
  id: number;
  name: string;
  mode: DeviceMode;
  status: 'pending' | 'active' | 'revoked';
  /** Shown on the tablet and typed by the clerk; only while pending. */
  pairingCode: string | null;
  sittingId: number | null;
  /** The meeting of the assigned sitting, so the tablet can subscribe to its live state. */
  meetingId: number | null;
  /** Where a seat tablet stands: the hall seat's label (3排12座) when it has one (seatId), else the text a clerk typed. */
  seat: string | null;
  /** The hall seat (hall_seats) a seat tablet belongs to: its deputy for the sitting is the one it greets. */
  seatId: number | null;
  lastSeenAt: string | null;
  /** An open live connection now (GET /api/devices fills it; false elsewhere). */
  online: boolean;
  createdAt: string;
}

export type StaffRole = 'admin' | 'clerk' | 'chair';

export interface StaffView {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  disabled: boolean;
  /** Signed in with a one-time password: must choose a new one before anything else. */
  mustChangePassword: boolean;
  /** Locked after too many wrong passwords: until when (ISO), or null when not locked now. */
  lockedUntil: string | null;
}

/** A deputy the server recognised by face (door check-in or seat identification). */
export interface RecognisedDeputy {
  id: number;
  name: string;
  delegation: string | null;
}

/**
 * Why the server refused a frame set, for the console's refusal list (the kiosk only shows the status):
 * challenge: unknown, used or expired nonce; no_face / several_faces in a frame; not_same_person across frames;
 * turn: the head turn to the asked side is not in the frames; replayed: a frame seen before in this sitting;
 * thumbnail_copy: the face is a pixel copy of the enrolled photo; not_recognised / not_on_roster / not_checked_in;
 * gave_up: the door kiosk stopped trying after its tries or time.
 */
export type FaceRefusalReason =
  | 'challenge'
  | 'no_face'
  | 'several_faces'
  | 'not_same_person'
  | 'turn'
  | 'replayed'
  | 'thumbnail_copy'
  | 'not_recognised'
  | 'not_on_roster'
  | 'not_checked_in'
  | 'gave_up';

/**
 * POST /api/checkins/face: what the door kiosk shows. `thumbnail` is the matched deputy's photo as a data: URL;
 * `seat` the seat assigned for the sitting in words (您的座位：3排12座), null when none is assigned.
 */
export type FaceCheckinReply =
  | { status: 'checked_in' | 'already_checked_in'; deputy: RecognisedDeputy; thumbnail: string | null; at: string; seat: string | null }
  | { status: 'not_recognised' | 'not_on_roster' | 'liveness_failed' | 'challenge_expired'; reason: FaceRefusalReason };

/** POST /api/seat/identify: a voter token for the recognised, checked-in deputy, or why not. */
export type SeatIdentifyReply =
  | { status: 'identified'; deputy: RecognisedDeputy; thumbnail: string | null; voterToken: string; expiresAt: string }
  | { status: 'not_recognised' | 'not_checked_in' | 'not_on_roster' | 'liveness_failed' | 'challenge_expired'; reason: FaceRefusalReason };

/** GET /api/sittings/:id/refusals: a door's recent refusals, newest first, for a clerk to walk over. */
export interface FaceRefusalView {
  id: number;
  at: string;
  deviceId: number;
  deviceName: string | null;
  reason: FaceRefusalReason;
  hasFrame: boolean;
}
