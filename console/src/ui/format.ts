// Times as the venue's clock shows them (shared/venue-time.ts), never the browser's own zone: a sheet printed on
// a laptop set to another zone must read like its .xlsx. The zone comes from the server (GET /api/venue) at start.
import { DEFAULT_VENUE_TIME_ZONE, formatVenueTime, isTimeZone } from '../../../shared/venue-time';

let venueZone = DEFAULT_VENUE_TIME_ZONE;

/** Asks the server for the venue's zone once, before the first render; keeps the default if it cannot. */
export async function loadVenueZone(): Promise<void> {
  try {
    const res = await fetch('/api/venue', { credentials: 'same-origin' });
    const { timeZone } = (await res.json()) as { timeZone?: string };
    if (timeZone && isTimeZone(timeZone)) venueZone = timeZone;
  } catch {
    /* offline for a moment: the default zone until the next load */
  }
}

export const venueTimeZone = (): string => venueZone;

export function formatTime(iso: string | number | Date | null | undefined): string {
  return formatVenueTime(iso, venueZone, 'time');
}

export function formatDateTime(iso: string | null | undefined): string {
  return formatVenueTime(iso, venueZone, 'datetime') || '—';
}

export function formatHourMinute(at: string | number | Date): string {
  return formatVenueTime(at, venueZone, 'hm');
}
