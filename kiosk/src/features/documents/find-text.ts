// Find in a PDF's text, in Chinese. pdf.js gives a page's text as runs (items); a word may span two runs, and
// text printed by Chromium comes back with Kangxi-radical code points (⼯ U+2F2F for 工 U+5DE5), so both the
// page's text and the words typed are NFKC-normalised before comparing; spaces are ignored on both sides (a line
// break inside a phrase becomes a run boundary, sometimes a space).

/** One match on a page: the runs it covers (indexes into the page's items), for highlighting. */
export interface TextMatch {
  page: number;
  items: number[];
  /** Where the match starts in the first run and ends in the last, as fractions of their folded length. */
  from: number;
  to: number;
}

/** The comparable form of a text: NFKC, no white space, Latin letters in lower case. */
export function foldText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Where each run starts in the page's folded text, and the folded text itself. */
function foldRuns(items: readonly string[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const item of items) {
    starts.push(text.length);
    text += foldText(item);
  }
  return { text, starts };
}

/** The run holding folded offset `at` (the last run starting at or before it). */
function runAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Every match of `query` on one page, given the page's runs; an empty query finds nothing. */
export function findOnPage(page: number, items: readonly string[], query: string): TextMatch[] {
  const needle = foldText(query);
  if (!needle) return [];
  const { text, starts } = foldRuns(items);
  const matches: TextMatch[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    const first = runAt(starts, at);
    const last = runAt(starts, at + needle.length - 1);
    const lengthOf = (run: number) => (starts[run + 1] ?? text.length) - starts[run]!;
    matches.push({
      page,
      items: Array.from({ length: last - first + 1 }, (_, i) => first + i),
      from: (at - starts[first]!) / lengthOf(first),
      to: (at + needle.length - starts[last]!) / lengthOf(last),
    });
  }
  return matches;
}
