// The venue's clock: every time the system shows or writes (console, sheets, .xlsx, kiosk, big screen) is in one
// time zone, the venue's (QUORUM_TZ, default Asia/Shanghai), whatever the zone of the browser or the server
// machine. Stored times stay ISO UTC; only this file turns them into wall-clock text.

export const DEFAULT_VENUE_TIME_ZONE = 'Asia/Shanghai';

/** Whether the runtime knows this IANA zone name (e.g. Asia/Shanghai, Asia/Urumqi, UTC). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, f);
  }
  return f;
}

export type VenueTimeStyle = 'datetime' | 'date' | 'time' | 'hm';

/**
 * A moment as the venue's clock reads it: 'datetime' 2026-12-01 07:01:05, 'date' 2026-12-01, 'time' 07:01:05,
 * 'hm' 07:01. Empty for a missing time.
 */
export function formatVenueTime(at: string | number | Date | null | undefined, zone: string, style: VenueTimeStyle = 'datetime'): string {
  if (at === null || at === undefined || at === '') return '';
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  const p = Object.fromEntries(formatterOf(zone).formatToParts(d).map((x) => [x.type, x.value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  const hm = `${p.hour}:${p.minute}`;
  if (style === 'date') return date;
  if (style === 'hm') return hm;
  if (style === 'time') return `${hm}:${p.second}`;
  return `${date} ${hm}:${p.second}`;
}
