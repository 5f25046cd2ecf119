// The venue's time zone for everything the server writes (sheets, .xlsx) and tells the apps (GET /api/venue).
import { DEFAULT_VENUE_TIME_ZONE, isTimeZone } from '../shared/venue-time';

/** QUORUM_TZ, or Asia/Shanghai; an unknown zone stops the start (a wrong clock on every sheet is worse). */
export function venueTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const zone = env.QUORUM_TZ?.trim() || DEFAULT_VENUE_TIME_ZONE;
  if (!isTimeZone(zone)) throw new Error(`QUORUM_TZ: unknown time zone "${zone}" (e.g. Asia/Shanghai)`);
  return zone;
}
