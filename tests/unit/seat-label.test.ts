import { describe, expect, it } from 'vitest';
import { seatLabel, seatLabelEn } from '../../shared/seat-label';

describe('seat label (3排12座, 主席台 2 座)', () => {
  it('names a multi-row seat by row and seat, with the section only when the hall has several multi-row sections', () => {
    const p = { section: '代表席', sectionRows: 20, row: 3, seat: 12 };
    expect(seatLabel(p, 1)).toBe('3排12座');
    expect(seatLabel({ ...p, section: '东区' }, 2)).toBe('东区 3排12座');
    expect(seatLabelEn(p)).toBe('Row 3, Seat 12');
  });
  it('names a one-row section (主席台) by its name and seat', () => {
    expect(seatLabel({ section: '主席台', sectionRows: 1, row: 1, seat: 2 }, 1)).toBe('主席台 2 座');
    expect(seatLabel({ section: '主席台', sectionRows: 1, row: 1, seat: 2 }, 3)).toBe('主席台 2 座');
  });
});
