// Builders for vote specs and ballots used across the rules tests.
import type { BallotContent, Mark, PassRule, RatingMark, RatingVerdictRule, VoteKind, VoteSpec } from '../../../shared/types';

export const MAJORITY_OF_ALL: PassRule = { base: 'all', fraction: { num: 1, den: 2, strict: true } };

/** Options with ids 1..n (or the given ids) and labels "候选 <id>" unless labels are given. */
export function options(n: number | string[], ids?: number[]): VoteSpec['options'] {
  const labels = typeof n === 'number' ? Array.from({ length: n }, (_, i) => `候选${(ids ?? [])[i] ?? i + 1}`) : n;
  return labels.map((label, i) => ({ id: (ids ?? [])[i] ?? i + 1, label }));
}

export function spec(kind: VoteKind, opts: Partial<VoteSpec> & { n?: number } = {}): VoteSpec {
  const { n, ...rest } = opts;
  return {
    kind,
    options: options(n ?? (kind === 'resolution' ? 1 : 3)),
    passRule: MAJORITY_OF_ALL,
    ...(kind === 'project' || kind === 'election' ? { maxYes: 2 } : {}),
    ...rest,
  };
}

/** A ballot from a compact string: one letter per option in order (y/n/a, s/b/u, '-' = no mark). */
export function ballot(code: string, writeIns?: string[], ids?: number[]): BallotContent {
  const letters: Record<string, Mark | RatingMark> = { y: 'yes', n: 'no', a: 'abstain', s: 'satisfied', b: 'basic', u: 'unsatisfied' };
  const marks: Record<string, Mark | RatingMark> = {};
  [...code].forEach((c, i) => {
    if (c !== '-') marks[String((ids ?? [])[i] ?? i + 1)] = letters[c];
  });
  return writeIns === undefined ? { marks } : { marks, writeIns };
}

/** `count` copies of a ballot. */
export function many(count: number, code: string, writeIns?: string[]): BallotContent[] {
  return Array.from({ length: count }, () => ballot(code, writeIns));
}

export const DEFAULT_VERDICT: RatingVerdictRule = {
  base: 'all',
  satisfied: { num: 1, den: 2, strict: false },
  basicallySatisfied: { num: 1, den: 2, strict: false },
};

/**
 * `total` ballots over options 1..yes.length in which option i gets exactly yes[i] 赞成 and every
 * other mark is `rest`. Yes marks are dealt round-robin over the ballots, so each ballot carries at
 * most ⌈Σyes / total⌉ of them (keep that ≤ N for valid project or election ballots).
 */
export function ballotsWithYes(yes: number[], total: number, rest: Mark = 'no', maxPerBallot = Infinity): BallotContent[] {
  const sum = yes.reduce((a, b) => a + b, 0);
  if (sum > 0 && Math.ceil(sum / total) > maxPerBallot) throw new Error(`${sum} yes do not fit on ${total} ballots of ${maxPerBallot}`);
  const out: Record<string, Mark>[] = Array.from({ length: total }, () =>
    Object.fromEntries(yes.map((_, i) => [String(i + 1), rest])),
  );
  let cursor = 0;
  yes.forEach((y, i) => {
    if (y > total) throw new Error('more yes than ballots');
    for (let k = 0; k < y; k += 1) {
      out[cursor % total][String(i + 1)] = 'yes';
      cursor += 1;
    }
  });
  return out.map((marks) => ({ marks }));
}
