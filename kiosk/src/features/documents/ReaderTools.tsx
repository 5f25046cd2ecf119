// The reader's controls, each as large as the ballot's buttons: zoom (放大 / 缩小 / 适合宽度), page turning and
// page jump, the contents list (the PDF's outline) and find.
import { useEffect, useState } from 'react';
import type { OutlineEntry } from './use-pdf';
import { useDocWords } from './words';

export const ZOOM_STEP = 1.25;
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 4;

export const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

export function ZoomButtons({ zoom, onZoom, column }: { zoom: number; onZoom(z: number): void; column?: boolean }) {
  const w = useDocWords();
  return (
    <div className={column ? 'reader-zoom-column' : 'reader-group'} role="group">
      <button type="button" className="btn secondary" onClick={() => onZoom(clampZoom(zoom / ZOOM_STEP))} disabled={zoom <= MIN_ZOOM}>
        {w('zoomOut')}
      </button>
      <span className="zoom-figure" data-zoom={zoom.toFixed(3)}>{`${Math.round(zoom * 100)}%`}</span>
      <button type="button" className="btn secondary" onClick={() => onZoom(clampZoom(zoom * ZOOM_STEP))} disabled={zoom >= MAX_ZOOM}>
        {w('zoomIn')}
      </button>
      <button type="button" className="btn secondary" onClick={() => onZoom(1)}>
        {w('fitWidth')}
      </button>
    </div>
  );
}

/** 上一页 / 下一页, and the page number itself as the field to type another into (跳转). */
export function PageNav({ page, pages, onPage }: { page: number; pages: number; onPage(n: number): void }) {
  const w = useDocWords();
  const [typed, setTyped] = useState(String(page));
  useEffect(() => setTyped(String(page)), [page]);
  const jump = () => {
    const n = Number(typed);
    if (Number.isInteger(n) && n >= 1 && n <= pages) onPage(n);
    else setTyped(String(page));
  };
  return (
    <nav className="reader-pages">
      <button type="button" className="btn primary" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        {w('prevPage')}
      </button>
      <form
        className="page-jump"
        data-page={page}
        onSubmit={(e) => {
          e.preventDefault();
          jump();
        }}
      >
        <label>
          {w('pageBefore')}
          <input inputMode="numeric" aria-label={w('pageInput')} value={typed} onFocus={(e) => e.target.select()} onChange={(e) => setTyped(e.target.value.replace(/\D/g, ''))} />
          {w('pageAfter', { m: pages })}
        </label>
        <button type="submit" className="btn secondary">
          {w('goPage')}
        </button>
      </form>
      <button type="button" className="btn primary" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        {w('nextPage')}
      </button>
    </nav>
  );
}

export function ContentsPanel({ outline, page, onPage }: { outline: OutlineEntry[] | null; page: number; onPage(n: number): void }) {
  const w = useDocWords();
  return (
    <aside className="reader-panel" data-panel="contents">
      <h2>{w('contents')}</h2>
      {outline?.length === 0 && <p className="muted">{w('noContents')}</p>}
      <ul className="contents-list">
        {outline?.map((e, i) => (
          <li key={i} style={{ paddingLeft: e.depth * 28 }}>
            <button type="button" className={`contents-entry ${e.page === page ? 'here' : ''}`} onClick={() => onPage(e.page)}>
              <span>{e.title}</span>
              <span className="muted">{e.page}</span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
