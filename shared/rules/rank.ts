// Ranking by 赞成 and choosing up to a limit, shared by project votes (N) and elections (seats).
// A tie across the last place is never broken here: the tied entries go to a run-off.

/** The outcome of selectWithinLimit, index-aligned with its input. */
export interface Selection {
  /** 1 + the number of entries with strictly more 赞成 (competition ranking: 1, 2, 2, 4). */
  ranks: number[];
  /** Passes the threshold and is within the limit, with no tie across the last place. */
  selected: boolean[];
  /** Indices of passing entries tied across the last place (empty when there is no such tie). */
  tied: number[];
  /** The 赞成 count the tied entries share (0 when there is no tie). */
  tiedVotes: number;
  /** Places left for the tied entries: limit − the entries selected outright (0 when no tie). */
  places: number;
}

/** Competition ranks of `yes`: an entry's rank is 1 + the number of entries with strictly more. */
export function competitionRanks(yes: readonly number[]): number[] {
  const sorted = [...yes].sort((a, b) => b - a);
  const firstAt = new Map<number, number>();
  sorted.forEach((v, i) => {
    if (!firstAt.has(v)) firstAt.set(v, i + 1);
  });
  return yes.map((v) => firstAt.get(v) ?? 0);
}

/**
 * Chooses up to `limit` entries among those that pass, by 赞成. Passing is monotone in 赞成 (one
 * threshold for all), so the passing entries are the top of the ranking. If more pass than the
 * limit and the limit-th and the next passing entries share a 赞成 count, every passing entry with
 * that count is left out and listed in `tied`; the ones above it are selected.
 */
export function selectWithinLimit(yes: readonly number[], passes: readonly boolean[], limit: number): Selection {
  const ranks = competitionRanks(yes);
  const selected = yes.map(() => false);
  const passing = yes.map((_, i) => i).filter((i) => passes[i]);
  passing.sort((a, b) => yes[b] - yes[a] || a - b);
  if (passing.length <= limit) {
    for (const i of passing) selected[i] = true;
    return { ranks, selected, tied: [], tiedVotes: 0, places: 0 };
  }
  const boundary = limit > 0 ? yes[passing[limit - 1]] : Infinity;
  const next = yes[passing[limit]];
  if (boundary !== next) {
    for (const i of passing.slice(0, limit)) selected[i] = true;
    return { ranks, selected, tied: [], tiedVotes: 0, places: 0 };
  }
  const above = passing.filter((i) => yes[i] > boundary);
  for (const i of above) selected[i] = true;
  const tied = passing.filter((i) => yes[i] === boundary).sort((a, b) => a - b);
  return { ranks, selected, tied, tiedVotes: boundary, places: limit - above.length };
}
