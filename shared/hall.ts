import type { RollStatus } from './roll-call';
import type { Mark, RatingMark, VoteKind } from './types';
import type { ParticipantView } from './views';

// The hall (会场) and seat assignment as the server sends them and the console, the door and the seat tablets read.

/** 主席台 sections are seated by hand; 代表席 ('floor') sections are what the one-click fill uses. */
export type SectionKind = 'podium' | 'floor';

export interface HallSeat {
  id: number;
  sectionId: number;
  row: number;
  seat: number;
  /** The seat as a person reads it (shared/seat-label.ts): 3排12座, 主席台 2 座. */
  label: string;
}

export interface HallSection {
  id: number;
  name: string;
  kind: SectionKind;
  position: number;
  rows: number;
  seats: HallSeat[];
}

export interface HallView {
  bodyId: number;
  sections: HallSection[];
}

/** Who sits in a seat at a sitting. */
export interface SeatAssignmentView {
  seatId: number;
  participantId: number;
  name: string;
  role: 'deputy' | 'observer' | 'staff';
  delegation: string | null;
}

/** A seat's state on the live seat map (点位图). */
export type SeatPresence = 'present' | 'absent' | 'leave' | 'observer' | 'empty';

export interface SeatMapSeat {
  seatId: number;
  participantId: number | null;
  name: string | null;
  delegation: string | null;
  presence: SeatPresence;
  /** A seat tablet bound to this seat: whether it is online now; null when no tablet is given this seat. */
  tabletOnline: boolean | null;
}

export interface SeatMapView {
  sittingId: number;
  hall: HallView;
  seats: SeatMapSeat[];
  /** False while no seat tablet has been given a seat (devices.seat_id): the map then shows no tablet state. */
  tabletsBound: boolean;
}

/** A 记名 vote's choices by seat, sent only once it is closed; never for a 无记名 vote (not even the empty shape). */
export interface SeatChoicesView {
  voteId: number;
  kind: VoteKind;
  options: Array<{ id: number; label: string }>;
  seats: Array<{
    seatId: number;
    participantId: number;
    status: RollStatus;
    /** One mark per option in the vote's order; null unless status is 'voted'. */
    marks: Array<Mark | RatingMark | null> | null;
  }>;
}

/** A sitting's seating: the hall, who sits where, and everyone who may be seated (body order) with their seat. */
export interface SeatingView {
  sittingId: number;
  hall: HallView;
  assignments: SeatAssignmentView[];
  /** Deputies in the body's order, then 列席 and staff, each with their seat id or null. */
  people: Array<{ participant: ParticipantView; seatId: number | null }>;
}

/** What a 座次表 import did: sections and seats added, and each refused line by its spreadsheet number. */
export interface HallImportReport {
  sections: number;
  seats: number;
  errors: Array<{ row: number; message: string }>;
}
