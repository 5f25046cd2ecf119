// The venue's clock on the tablets (shared/venue-time.ts): a tablet left in another zone still shows venue time.
import { DEFAULT_VENUE_TIME_ZONE, formatVenueTime, isTimeZone } from '../../shared/venue-time';

let venueZone = DEFAULT_VENUE_TIME_ZONE;

/** Asks the server for the venue's zone once at start; keeps the default if it cannot. */
export async function loadVenueZone(): Promise<void> {
  try {
    const { timeZone } = (await (await fetch('/api/venue')).json()) as { timeZone?: string };
    if (timeZone && isTimeZone(timeZone)) venueZone = timeZone;
  } catch {
    /* server not reachable yet: the default zone */
  }
}

/** 08:12 on the venue's clock. */
export const venueHourMinute = (at: string): string => formatVenueTime(at, venueZone, 'hm');
