// One venue clock: the sheet printed in a browser and the .xlsx made on the server read the same wall time.
import { describe, expect, it } from 'vitest';
import { formatVenueTime, isTimeZone } from '../../shared/venue-time';
import { venueTimeZone } from '../../server/venue';

describe('venue time', () => {
  it('reads 2026-11-30T23:01Z as 2026-12-01 07:01 in Asia/Shanghai, whatever the process zone', () => {
    const at = '2026-11-30T23:01:05.000Z';
    expect(formatVenueTime(at, 'Asia/Shanghai')).toBe('2026-12-01 07:01:05');
    expect(formatVenueTime(at, 'Asia/Shanghai', 'hm')).toBe('07:01');
    expect(formatVenueTime(at, 'Asia/Shanghai', 'time')).toBe('07:01:05');
    expect(formatVenueTime(at, 'Asia/Shanghai', 'date')).toBe('2026-12-01');
    expect(formatVenueTime(at, 'UTC')).toBe('2026-11-30 23:01:05');
    expect(formatVenueTime('2026-06-30T16:00:00Z', 'Asia/Shanghai', 'hm')).toBe('00:00'); // midnight is 00, not 24
    expect(formatVenueTime(null, 'Asia/Shanghai')).toBe('');
  });

  it('takes QUORUM_TZ, defaults to Asia/Shanghai, and refuses an unknown zone', () => {
    expect(venueTimeZone({})).toBe('Asia/Shanghai');
    expect(venueTimeZone({ QUORUM_TZ: 'Asia/Urumqi' })).toBe('Asia/Urumqi');
    expect(() => venueTimeZone({ QUORUM_TZ: 'Mars/Olympus' })).toThrow(/QUORUM_TZ/);
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
  });
});
