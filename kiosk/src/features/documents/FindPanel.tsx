// 查找: the deputy types a few characters; every page's text is searched (NFKC on both sides, see find-text.ts),
// the reader goes to the first match and marks it; 上一处 / 下一处 walk the matches across pages.
import { useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { findOnPage, type TextMatch } from './find-text';
import { pageTexts } from './use-pdf';
import { useDocWords } from './words';

export function FindPanel({ pdf, onMatch }: { pdf: PDFDocumentProxy; onMatch(m: TextMatch | null): void }) {
  const w = useDocWords();
  const [query, setQuery] = useState('');
  const [texts, setTexts] = useState<string[][] | null>(null);
  const [found, setFound] = useState<{ query: string; matches: TextMatch[]; at: number } | null>(null);

  const show = (matches: TextMatch[], at: number, q: string) => {
    setFound({ query: q, matches, at });
    onMatch(matches[at] ?? null);
  };
  const search = async () => {
    const pages = texts ?? (await pageTexts(pdf));
    setTexts(pages);
    show(pages.flatMap((items, i) => findOnPage(i + 1, items, query)), 0, query);
  };
  const step = (d: number) => found && found.matches.length > 0 && show(found.matches, (found.at + d + found.matches.length) % found.matches.length, found.query);

  return (
    <aside className="reader-panel" data-panel="find">
      <h2>{w('find')}</h2>
      <form
        className="find-form"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <input type="search" value={query} placeholder={w('findPlaceholder')} aria-label={w('findPlaceholder')} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit" className="btn primary" disabled={!query.trim()}>
          {w('find')}
        </button>
      </form>
      {found && (
        <p className="lead" data-found={found.matches.length}>
          {found.matches.length === 0 ? w('notFound', { q: found.query }) : w('found', { n: found.matches.length, i: found.at + 1 })}
        </p>
      )}
      {found && found.matches.length > 1 && (
        <div className="reader-group">
          <button type="button" className="btn secondary" onClick={() => step(-1)}>
            {w('prevMatch')}
          </button>
          <button type="button" className="btn secondary" onClick={() => step(1)}>
            {w('nextMatch')}
          </button>
        </div>
      )}
    </aside>
  );
}
