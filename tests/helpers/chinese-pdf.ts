// A real Chinese PDF for the document tests: Chromium prints an HTML page set in Noto CJK, with the headings as the
// PDF's outline (书签), several pages long. Made once per test run and cached under tests/artifacts/.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ARTIFACTS_DIR, launchBrowser } from './browser.js';

export interface ChinesePdfOptions {
  /** Document title, printed as the first heading. */
  title?: string;
  /** Number of chapters; each starts on a new page and is one outline entry. */
  chapters?: number;
  /** A word printed once, in the last chapter, for find-in-text tests. */
  needle?: string;
}

const PARAGRAPH =
  '为深入贯彻落实党的二十大精神，进一步加强和改进人大工作，本届常委会坚持依法履职，' +
  '围绕中心、服务大局，认真行使立法权、监督权、决定权和任免权，各项工作取得新的进展。';

function html(title: string, chapters: number, needle: string): string {
  const body = Array.from({ length: chapters }, (_, i) => {
    const extra = i === chapters - 1 ? `<p>特别说明：${needle}。</p>` : '';
    const paragraphs = Array.from({ length: 6 }, () => `<p>${PARAGRAPH}</p>`).join('');
    return `<section><h2>第${'一二三四五六七八九十'[i] ?? i + 1}章\u3000工作报告第${i + 1}部分</h2>${paragraphs}${extra}</section>`;
  }).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><style>
    body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 16pt; line-height: 1.8; margin: 0; }
    h1 { font-size: 26pt; text-align: center; } h2 { font-size: 20pt; }
    section { break-before: page; } section:first-of-type { break-before: auto; }
  </style></head><body><h1>${title}</h1>${body}</body></html>`;
}

/** Bytes of a Chinese PDF with an outline; the same options give the same file within a run (cached). */
export async function chinesePdf(options: ChinesePdfOptions = {}): Promise<Buffer> {
  const title = options.title ?? '关于2026年民生实事项目的报告';
  const chapters = options.chapters ?? 4;
  const needle = options.needle ?? '城乡养老服务中心';
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  // A hash of all three: the first 48 base64 characters of a Chinese title alone named two documents alike (the
  // same title with 3 and 4 chapters shared one cached file).
  const key = createHash('sha256').update(`${title}|${chapters}|${needle}`).digest('hex').slice(0, 32);
  const path = resolve(ARTIFACTS_DIR, `doc-${key}.pdf`);
  if (existsSync(path)) return readFileSync(path);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent(html(title, chapters, needle), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const pdf = await page.pdf({ format: 'A4', outline: true, tagged: true, printBackground: true });
    writeFileSync(path, pdf);
    return pdf;
  } finally {
    await browser.close();
  }
}
