// What a person reads on a screen, checked the same way by every browser test: Chinese without half-width
// punctuation beside it, and a word (a name, a status, a file name) kept on one line.
import type { Locator } from 'playwright-core';

/** Half-width , : ; ( ) ! ? touching a Chinese character, with what surrounds it (empty when there is none). */
export function halfWidthInChinese(text: string): string[] {
  const han = '\\u3400-\\u9fff';
  const re = new RegExp(`[${han}][,:;()!?]|[,:;(!?][${han}]|\\)[${han}]`, 'g');
  return [...text.matchAll(re)].map((m) => text.slice(Math.max(0, m.index - 8), m.index + 10).replace(/\s+/g, ' '));
}

/** How many lines each element's text takes on screen, with its text: [['姚志明', 1], …]. */
export async function lineCounts(cells: Locator): Promise<Array<[string, number]>> {
  return cells.evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return [el.textContent ?? '', tops.size] as [string, number];
    }),
  );
}
