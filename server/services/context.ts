// What every service gets: the database, the live hub, face matching, and who is acting (for the audit log).
import type { Database } from '../db/database';
import type { LiveHub } from './live-hub';
import type { FaceService } from './face-service';
import type { VoterTokens } from './voter-token';

export interface ServiceContext {
  db: Database;
  hub: LiveHub;
  face: FaceService;
  voterTokens: VoterTokens;
  /** The venue's IANA time zone (QUORUM_TZ): every time the system shows or writes reads on this clock. */
  timeZone: string;
}

/** Who made a change, as written to the audit log: 'staff:3', 'device:7', 'system', 'api'. */
export type Actor = string;
