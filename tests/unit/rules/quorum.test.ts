import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attendanceSummary, quorumStatus } from '../../../shared/rules/quorum';
import { meetsFraction } from '../../../shared/rules/fraction';
import { DEFAULT_BODY_RULES } from '../../../shared/rules/defaults';

const Q = DEFAULT_BODY_RULES.quorum;

describe('quorumStatus (default ≥ 2/3 of deputies in office)', () => {
  it.each([
    // inOffice, present, met, required, shortBy
    [3, 2, true, 2, 0],
    [3, 1, false, 2, 1],
    [3, 0, false, 2, 2],
    [3, 3, true, 2, 0],
    [30, 20, true, 20, 0],
    [30, 19, false, 20, 1],
    [2999, 2000, true, 2000, 0],
    [2999, 1999, false, 2000, 1],
    [3000, 2000, true, 2000, 0],
    [3000, 1999, false, 2000, 1],
    [3000, 1500, false, 2000, 500],
    [100, 67, true, 67, 0],
    [100, 66, false, 67, 1],
    [1, 1, true, 1, 0],
    [1, 0, false, 1, 1],
    [2, 1, false, 2, 1],
  ])('%i in office, %i present → met %s, required %i, short by %i', (inOffice, present, met, required, shortBy) => {
    expect(quorumStatus(Q, { inOffice, present })).toEqual({ met, required, present, inOffice, shortBy, reachable: true });
  });

  it('is never met with nobody in office', () => {
    expect(quorumStatus(Q, { inOffice: 0, present: 0 })).toEqual({
      met: false,
      required: 1,
      present: 0,
      inOffice: 0,
      shortBy: 1,
      reachable: false,
    });
  });

  it('honours a configured strict fraction (more than half)', () => {
    const half = { num: 1, den: 2, strict: true };
    expect(quorumStatus(half, { inOffice: 40, present: 20 }).met).toBe(false);
    expect(quorumStatus(half, { inOffice: 40, present: 21 }).met).toBe(true);
    expect(quorumStatus(half, { inOffice: 40, present: 20 }).shortBy).toBe(1);
  });

  it('throws on negative or fractional headcounts', () => {
    expect(() => quorumStatus(Q, { inOffice: -1, present: 0 })).toThrow(RangeError);
    expect(() => quorumStatus(Q, { inOffice: 10, present: 0.5 })).toThrow(RangeError);
  });

  it('met ⇔ present ≥ required, and shortBy closes the gap exactly', () => {
    fc.assert(
      fc.property(fc.nat(4000), fc.nat(4000), (inOffice, presentRaw) => {
        const present = Math.min(presentRaw, inOffice);
        const s = quorumStatus(Q, { inOffice, present });
        expect(s.met).toBe(present >= s.required);
        expect(s.met).toBe(meetsFraction(present, inOffice, Q));
        expect(s.shortBy).toBe(s.met ? 0 : s.required - present);
        if (!s.met && s.reachable) expect(quorumStatus(Q, { inOffice, present: present + s.shortBy }).met).toBe(true);
        expect(s.reachable).toBe(inOffice > 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('attendanceSummary (应到 / 实到 / 请假 / 缺席)', () => {
  it.each([
    [50, 40, 5, 5],
    [50, 50, 0, 0],
    [50, 0, 0, 50],
    [50, 45, 5, 0],
    [0, 0, 0, 0],
    // inconsistent input: absent is clamped, never negative
    [50, 48, 5, 0],
    [10, 12, 0, 0],
  ])('应到 %i, 实到 %i, 请假 %i → 缺席 %i', (inOffice, present, onLeave, absent) => {
    expect(attendanceSummary({ inOffice, present, onLeave })).toEqual({ expected: inOffice, present, onLeave, absent });
  });

  it('throws on a negative leave count', () => {
    expect(() => attendanceSummary({ inOffice: 5, present: 1, onLeave: -1 })).toThrow(RangeError);
  });

  it('adds up when the counts are consistent', () => {
    fc.assert(
      fc.property(fc.nat(3000), fc.nat(3000), fc.nat(3000), (a, b, c) => {
        const s = attendanceSummary({ inOffice: a + b + c, present: a, onLeave: b });
        expect(s.present + s.onLeave + s.absent).toBe(s.expected);
        expect(s.absent).toBe(c);
      }),
      { numRuns: 100 },
    );
  });
});
