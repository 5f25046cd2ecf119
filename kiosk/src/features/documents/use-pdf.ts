// A document open in the reader: its bytes from the tablet's copy (fetched first if the round has not reached it
// yet), opened by pdf.js, with its outline resolved to page numbers and its text read once for finding.
import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { readCopy } from './doc-store';
import { openPdf } from '../../../../shared/pdf-browser';

export interface OutlineEntry {
  title: string;
  page: number;
  depth: number;
}

export type PdfState = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; pdf: PDFDocumentProxy };

type RawOutline = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>;

export function usePdf(sha256: string, fetchNow: (sha256: string) => Promise<void>): PdfState {
  const [state, setState] = useState<PdfState>({ kind: 'loading' });
  useEffect(() => {
    let pdf: PDFDocumentProxy | null = null;
    let gone = false;
    void (async () => {
      try {
        let bytes = await readCopy(sha256);
        if (!bytes) {
          await fetchNow(sha256);
          bytes = await readCopy(sha256);
        }
        if (!bytes) throw new Error('no copy');
        pdf = await openPdf(bytes);
        if (gone) return void pdf.destroy();
        setState({ kind: 'ready', pdf });
      } catch {
        if (!gone) setState({ kind: 'failed' });
      }
    })();
    return () => {
      gone = true;
      void pdf?.destroy();
    };
  }, [sha256, fetchNow]);
  return state;
}

async function pageOfDest(pdf: PDFDocumentProxy, dest: string | unknown[] | null): Promise<number | null> {
  const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
  const ref = explicit?.[0];
  if (ref === undefined || ref === null) return null;
  if (typeof ref === 'number') return ref + 1;
  return (await pdf.getPageIndex(ref as Parameters<PDFDocumentProxy['getPageIndex']>[0])) + 1;
}

/** The PDF's own outline (书签) as a flat list with depths; [] when it has none. */
export async function outlineOf(pdf: PDFDocumentProxy): Promise<OutlineEntry[]> {
  const out: OutlineEntry[] = [];
  const walk = async (items: RawOutline, depth: number) => {
    for (const item of items ?? []) {
      const page = await pageOfDest(pdf, item.dest).catch(() => null);
      if (page) out.push({ title: item.title.normalize('NFKC'), page, depth });
      await walk(item.items, depth + 1);
    }
  };
  await walk(await pdf.getOutline(), 0);
  return out;
}

/** Each page's text runs, read once per document (find walks them all). */
export async function pageTexts(pdf: PDFDocumentProxy): Promise<string[][]> {
  const pages: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')));
  }
  return pages;
}
