// A seat tablet bound to its deputy for the sitting (issue 26 points 3 and 4): what the tablet and the clerks see.
import type { RecognisedDeputy } from './views';

/** Why a seat's binding ended (or why there is none): the tablet then asks for a full identification. */
export type UnboundReason = 'none' | 'other_face' | 'no_face' | 'replayed' | 'thumbnail_copy' | 'rebound' | 'device_changed';

/**
 * POST /api/seat/check (a ballot's quick check, one fresh frame): a voter token for one ballot of the bound deputy;
 * 'retry' when the frame showed no single face (the binding stays: take another frame); 'unbound' when the seat is
 * not bound or the frame ended the binding (a face that is not theirs, a copy, a replay).
 */
export type SeatCheckReply =
  | { status: 'confirmed'; deputy: RecognisedDeputy; voterToken: string; expiresAt: string }
  | { status: 'retry'; reason: 'no_face' | 'several_faces' }
  | { status: 'unbound'; reason: UnboundReason };

/** POST /api/seat/presence: whether the seat is still bound, and when to send the next frame. */
export interface SeatPresenceReply {
  bound: boolean;
  deputy: RecognisedDeputy | null;
  reason: UnboundReason | null;
  /** Send the next presence frame after this many ms (a quarter of the presence timeout). */
  nextInMs: number;
}

/** GET /api/seat/home: the seat this tablet stands at, its deputy for the sitting (本座位：王某某代表), the binding. */
export interface SeatHomeView {
  seatId: number | null;
  seatLabel: string | null;
  seatDeputy: RecognisedDeputy | null;
  bound: RecognisedDeputy | null;
  presenceEveryMs: number;
}

/** GET /api/sittings/:id/seat-bindings: the seats bound now; `away` = 代表未在本座位 (identified at another seat). */
export interface SeatBindingView {
  deviceId: number;
  deviceName: string;
  /** Where the tablet stands (its seat's label), null for a tablet with no seat. */
  atSeat: string | null;
  deputy: RecognisedDeputy;
  /** The deputy's own seat in this sitting, when they have one. */
  ownSeat: string | null;
  away: boolean;
  boundAt: string;
}

/** GET /api/sittings/:id/seat-choices: the hall's seats a seat tablet may be given, with who sits there this sitting. */
export interface SeatChoice {
  seatId: number;
  label: string;
  occupant: string | null;
}
