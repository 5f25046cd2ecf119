// The match threshold for a roll's size (issue 27, point 2). A check-in searches every enrolled deputy, so a stranger
// (or a deputy absent from the roll) is let in when ANY of the N enrolled faces comes close enough: the chance grows
// with N. From a fitted impostor tail p(t) = P(one different person's cosine ≥ t), the chance per check-in is
// 1 − (1 − p(t))^N (the margin rule only lowers it, so it is left out: an upper bound). The threshold is the lowest
// cosine whose chance stays at or under the stated rate (the lowest accepts the most genuine deputies), never under
// the floor measured on our own faces (match-defaults.ts), and never over the ceiling: past it the tail is a guess.
//
// The tail is a generalized Pareto distribution over a level u (peaks over threshold), fitted by face:eval's tools
// (tests/tools/face-eval/gpd.ts) on different-person pairs; server/face/roll-tail.ts holds the fitted numbers.

export interface ImpostorTail {
  /** Cosine level where the fitted tail starts. */
  u: number;
  /** Share of impostor cosines above u. */
  share: number;
  /** GPD shape ξ (< 0 bounded, 0 exponential, > 0 heavy). */
  shape: number;
  /** GPD scale σ (in cosine). */
  scale: number;
}

/** P(one impostor's cosine ≥ t), for t ≥ u (below u the fit says nothing: `share` is returned). */
export function impostorExceeds(tail: ImpostorTail, t: number): number {
  const y = t - tail.u;
  if (y <= 0) return tail.share;
  if (Math.abs(tail.shape) < 1e-9) return tail.share * Math.exp(-y / tail.scale);
  const base = 1 + (tail.shape * y) / tail.scale;
  return base <= 0 ? 0 : tail.share * base ** (-1 / tail.shape);
}

/** Chance per check-in that a stranger is taken for one of `enrolled` people at cosine threshold t (no margin). */
export function strangerRate(tail: ImpostorTail, enrolled: number, t: number): number {
  if (enrolled <= 0) return 0;
  const p = Math.min(impostorExceeds(tail, t), 1);
  return -Math.expm1(enrolled * Math.log1p(-p));
}

/** The cosine t with impostorExceeds(t) = p (p ≤ share), i.e. the GPD's inverse survival function. */
function cosineForExceed(tail: ImpostorTail, p: number): number {
  const q = Math.min(1, p / tail.share);
  if (Math.abs(tail.shape) < 1e-9) return tail.u - tail.scale * Math.log(q);
  return tail.u + (tail.scale / tail.shape) * (q ** -tail.shape - 1);
}

export interface RollThresholdRule {
  tail: ImpostorTail;
  /** The stated false-accept rate per check-in, e.g. 1e-5 (one in 100,000). */
  rate: number;
  /** Never below this cosine (the zero-false-accept bound measured on real faces). */
  floor: number;
  /** Never above this cosine: beyond it genuine deputies are refused wholesale and the tail is unmeasured. */
  ceiling: number;
}

export interface RollThreshold {
  /** The cosine a match must reach. */
  cosine: number;
  /** The chance per check-in that a stranger passes at that cosine, as the tail reads it. */
  rate: number;
  /** Whether the stated rate is met (false when the ceiling stopped the threshold short of it). */
  met: boolean;
}

/** The threshold for `enrolled` people: the lowest cosine in [floor, ceiling] whose stranger rate is ≤ rule.rate. */
export function rollThreshold(rule: RollThresholdRule, enrolled: number): RollThreshold {
  const n = Math.max(1, enrolled);
  // Per-impostor chance that keeps the per-check-in chance at the rate: 1 − (1 − p)^n = rate.
  const p = -Math.expm1(Math.log1p(-rule.rate) / n);
  const wanted = cosineForExceed(rule.tail, p);
  const cosine = Math.min(rule.ceiling, Math.max(rule.floor, wanted));
  const rate = strangerRate(rule.tail, n, cosine);
  return { cosine, rate, met: rate <= rule.rate * (1 + 1e-9) };
}
