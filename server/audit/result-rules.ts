// A vote's stored result is what the rules of the day it closed computed, and the rules change: audit:verify
// recomputes with today's rules, so a vote closed before a change would read as tampered. Each change that alters
// what computeResult writes is listed here with how to turn today's result back into what the rules wrote before it.
//
// Why this and not the alternatives:
// - Comparing only what decides (yes/no/passed…) would let a forged 未按 or 缺席 on a closed vote go unseen, and
//   those figures are printed on the sheet and the big screen. Here every figure must be the one some real version
//   of the rules wrote for these very ballots and headcounts.
// - A rules version stored with each result would only help results written after it was added; the results that
//   need it are the old ones, and their shape already tells their version (no onLeave key before 2279a4b).
// What it allows: a result in an earlier form where today's would be written. Only the figures a change touched can
// differ that way (未按 as inOffice − cast, a run-off reason's commas), never a count of 赞成 or whether it passed;
// and votes.result must still equal what the close entry in the hash chain recorded.
import type { VoteResult } from '../../shared/rules/result-types';

interface RulesChange {
  /** The commit that made the change, for whoever reads a report. */
  commit: string;
  what: string;
  /** Today's (or the next newer version's) result as the rules before this change wrote it. */
  before(result: Record<string, unknown>): Record<string, unknown>;
}

/** Newest first: each `before` applies to the output of the one above it. */
const CHANGES: readonly RulesChange[] = [
  {
    commit: '7949da2',
    what: "full-width commas in a run-off's Chinese reason",
    before: (r) => {
      const runOff = r.runOff as { reason?: string } | null | undefined;
      if (!runOff?.reason) return r;
      return { ...r, runOff: { ...runOff, reason: runOff.reason.replaceAll('，', ',') } };
    },
  },
  {
    commit: '2279a4b',
    what: '未按 as present − cast, 请假 and 缺席 apart (it was inOffice − cast, with neither)',
    before: (r) => {
      const { onLeave: _onLeave, absent: _absent, ...rest } = r;
      return { ...rest, notVoted: Math.max(0, Number(r.inOffice) - Number(r.cast)) };
    },
  },
];

/** The result as today's rules wrote it, then as each earlier version of the rules wrote it, newest first. */
export function resultInEachRulesVersion(today: VoteResult): unknown[] {
  const forms: Record<string, unknown>[] = [today as unknown as Record<string, unknown>];
  for (const change of CHANGES) forms.push(change.before(forms.at(-1)!));
  return forms;
}
