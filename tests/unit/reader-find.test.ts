// Find in a document's text at the seat (kiosk/src/features/documents/find-text.ts), on the text pdf.js reads from a
// real Chinese PDF printed by Chromium: its runs carry Kangxi radicals (⼯ for 工), so a plain indexOf misses words a
// deputy types; NFKC on both sides finds them, across run boundaries too. And the 会议文件 list's order.
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { findOnPage, foldText } from '../../kiosk/src/features/documents/find-text';
import { downloadCount, groupDocuments } from '../../kiosk/src/features/documents/group-documents';
import type { DocEntry } from '../../kiosk/src/features/documents/manifest';
import { chinesePdf } from '../helpers/chinese-pdf';

async function pageRuns(bytes: Buffer): Promise<string[][]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')));
  }
  await pdf.destroy();
  return pages;
}

describe('find in a Chinese PDF', () => {
  it('finds words whose printed text carries Kangxi radicals, and only where they are', async () => {
    const pages = await pageRuns(await chinesePdf({ needle: '城乡养老服务中心' }));
    const all = pages.map((p) => p.join('')).join('');
    // The trap itself: the extracted text does not hold 工作 as typed, only its compatibility form.
    expect(all.includes('工作报告')).toBe(false);
    expect(all.normalize('NFKC').includes('工作报告')).toBe(true);
    const hits = pages.flatMap((runs, i) => findOnPage(i + 1, runs, '城乡养老服务中心'));
    expect(hits.map((h) => h.page)).toEqual([pages.length]);
    expect(hits[0]!.items.length).toBeGreaterThan(0);
    // Every chapter heading says 工作报告: one per chapter page.
    const headings = pages.flatMap((runs, i) => findOnPage(i + 1, runs, '工作报告第'));
    expect(headings.length).toBe(4);
    expect(pages.flatMap((runs, i) => findOnPage(i + 1, runs, '不存在的词语'))).toEqual([]);
  });

  it('matches across runs and ignores spaces and width', () => {
    expect(findOnPage(2, ['关于', '⼯作 报', '告的说明'], '工作报告')).toEqual([{ page: 2, items: [1, 2], from: 0, to: 0.25 }]);
    expect(findOnPage(1, ['特别说明：城乡养', '老服务中心。'], '城乡养老')[0]).toMatchObject({ items: [0, 1], from: 5 / 8, to: 1 / 6 });
    expect(foldText('ＡＢＣ　１２３')).toBe('abc123');
    expect(findOnPage(1, ['任何文字'], '  ')).toEqual([]);
  });
});

describe('会议文件 order', () => {
  const doc = (id: number, agendaItemId: number | null, sha256 = `h${id}`): DocEntry => ({ id, title: `文件${id}`, name: `${id}.pdf`, agendaItemId, sha256, size: 1, pages: 1, version: 1, outline: [] });
  const agenda = [
    { id: 10, title: '甲', position: 1 },
    { id: 20, title: '乙', position: 2 },
    { id: 30, title: '丙', position: 3 },
  ];
  const docs = [doc(1, 30), doc(2, 10), doc(3, null), doc(4, 20), doc(5, 30)];

  it('puts the current item first, then the sitting’s own documents, then the agenda order', () => {
    const groups = groupDocuments(docs, agenda, null, 20);
    expect(groups.map((g) => g.itemId)).toEqual([20, null, 10, 30]);
    expect(groups[0]!.current).toBe(true);
    expect(groups[3]!.docs.map((d) => d.id)).toEqual([1, 5]);
  });

  it('puts the ballot’s item first when the deputy came from a ballot', () => {
    expect(groupDocuments(docs, agenda, 30, 20).map((g) => g.itemId)).toEqual([30, null, 10, 20]);
  });

  it('counts the documents held by hash', () => {
    expect(downloadCount(docs, new Set(['h1', 'h4']))).toEqual({ n: 2, m: 5 });
  });
});
