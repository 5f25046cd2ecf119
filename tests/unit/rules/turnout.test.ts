// 未按 counts those present who did not press; 请假 and 缺席 are shown apart; the pass rule stays on all deputies.
import { describe, expect, it } from 'vitest';
import { turnoutOf } from '../../../shared/rules/turnout';
import { computeResult } from '../../../shared/rules/tally';
import { many, spec } from './helpers';

describe('turnout', () => {
  it('the big screen case: 23 in office, 10 checked in, 2 on leave, 8 pressed → 未按 2, 请假 2, 缺席 11 (not 未按 15)', () => {
    expect(turnoutOf({ inOffice: 23, present: 10, onLeave: 2 }, 8)).toEqual({ inOffice: 23, present: 10, cast: 8, notVoted: 2, onLeave: 2, absent: 11 });
  });

  it('present = 赞成 + 反对 + 弃权 + 未按 (the NPC announcement), and in office = present + 请假 + 缺席', () => {
    const r = computeResult(spec('resolution'), [...many(5, 'y'), ...many(2, 'n'), ...many(1, 'a')], { inOffice: 23, present: 10, onLeave: 2 });
    if (r.kind !== 'resolution') throw new Error('kind');
    expect(r.yes + r.no + r.abstain + r.notVoted).toBe(r.present);
    expect(r.present + r.onLeave + r.absent).toBe(r.inOffice);
    // The pass rule is still more than half of all 23 deputies in office: 12 yes needed, 5 do not pass.
    expect([r.base, r.required, r.passed]).toEqual([23, 12, false]);
  });

  it('never goes negative, and leave never exceeds those not present', () => {
    expect(turnoutOf({ inOffice: 5, present: 3, onLeave: 9 }, 4)).toEqual({ inOffice: 5, present: 3, cast: 4, notVoted: 0, onLeave: 2, absent: 0 });
  });
});
