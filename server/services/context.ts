// What every service gets: the database, the live hub, face matching, and who is acting (for the audit log).
import type { Database } from '../db/database';
import type { LiveHub } from './live-hub';
import type { FaceService } from './face-service';
import type { VoterTokens } from './voter-token';
import type { FaceChallenges } from './face-challenges';
import type { FramePrints } from './frame-prints';
import type { DoorPaceLimits } from '../../shared/rules/door-pace';
import type { DocumentStore } from './document-store';
import type { FileGate } from './file-gate';

export interface ServiceContext {
  db: Database;
  hub: LiveHub;
  face: FaceService;
  voterTokens: VoterTokens;
  /** The venue's IANA time zone (QUORUM_TZ): every time the system shows or writes reads on this clock. */
  timeZone: string;
  /** Open face check-in challenges (in memory) and the prints of frames already sent per sitting. */
  challenges: FaceChallenges;
  prints: FramePrints;
  /** The door's physics each door tablet is held to (shared/rules/door-pace.ts). */
  doorPace: DoorPaceLimits;
  /** 会议文件 on disk by hash, and the bound on how many stream to tablets at once. */
  documents: DocumentStore;
  fileGate: FileGate;
}

/** Who made a change, as written to the audit log: 'staff:3', 'device:7', 'system', 'api'. */
export type Actor = string;
