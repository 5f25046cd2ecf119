// One document open at the seat: the page fills the width (适合宽度) and reads in large type; the deputy zooms
// with the buttons or two fingers, turns or jumps to a page, opens the contents (the PDF's outline) or finds a
// phrase. Everything reads from the tablet's own copy: no server needed once the document is downloaded.
import { useCallback, useEffect, useState } from 'react';
import type { DocEntry } from './manifest';
import type { TextMatch } from './find-text';
import { FindPanel } from './FindPanel';
import { PdfPageView } from './PdfPageView';
import { ContentsPanel, PageNav, ZoomButtons, clampZoom } from './ReaderTools';
import { outlineOf, usePdf, type OutlineEntry } from './use-pdf';
import { useDocWords } from './words';

type Panel = 'none' | 'contents' | 'find';

/** Landscape tablets: panels beside the page and the zoom buttons in a column at its right; portrait: over and under it. */
function useWide(): boolean {
  const query = '(min-width: 1001px)';
  const [wide, setWide] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const onChange = () => setWide(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return wide;
}

export function DocumentReader({ doc, fetchNow, onClose }: { doc: DocEntry; fetchNow(sha256: string): Promise<void>; onClose(): void }) {
  const w = useDocWords();
  const state = usePdf(doc.sha256, fetchNow);
  const wide = useWide();
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [panel, setPanel] = useState<Panel>('none');
  const [outline, setOutline] = useState<OutlineEntry[] | null>(null);
  const [match, setMatch] = useState<TextMatch | null>(null);
  const pdf = state.kind === 'ready' ? state.pdf : null;
  const pages = pdf?.numPages ?? doc.pages;

  useEffect(() => {
    if (pdf) void outlineOf(pdf).then(setOutline, () => setOutline([]));
  }, [pdf]);

  const goTo = useCallback((n: number) => setPage(Math.min(Math.max(1, n), pages)), [pages]);
  const onMatch = useCallback((m: TextMatch | null) => {
    setMatch(m);
    if (m) setPage(m.page);
  }, []);
  const marked = match && match.page === page ? match : null;
  const toggle = (p: Panel) => setPanel((now) => (now === p ? 'none' : p));

  return (
    <div className={`reader ${wide ? 'wide' : 'narrow'}`} data-screen="reader" data-document={doc.id}>
      <div className="reader-bar">
        <button type="button" className="btn secondary" onClick={onClose}>
          ‹ {w('backToList')}
        </button>
        <h1 className="reader-title">{doc.title}</h1>
        <div className="reader-group">
          <button type="button" className={`btn ${panel === 'contents' ? 'primary' : 'secondary'}`} aria-pressed={panel === 'contents'} onClick={() => toggle('contents')}>
            {w('contents')}
          </button>
          <button type="button" className={`btn ${panel === 'find' ? 'primary' : 'secondary'}`} aria-pressed={panel === 'find'} onClick={() => toggle('find')}>
            {w('find')}
          </button>
        </div>
      </div>
      <div className="reader-body">
        {panel === 'contents' && (
          <ContentsPanel
            outline={outline}
            page={page}
            onPage={(n) => {
              goTo(n);
              if (!wide) setPanel('none'); // the list lay over the page
            }}
          />
        )}
        {panel === 'find' && pdf && <FindPanel pdf={pdf} onMatch={onMatch} />}
        {state.kind === 'loading' && <p className="reader-wait lead muted">{w('downloading')}</p>}
        {state.kind === 'failed' && <p className="reader-wait lead warn-text">{w('openFailed')}</p>}
        {pdf && <PdfPageView pdf={pdf} page={page} zoom={zoom} marked={marked} onPinch={(f) => setZoom((z) => clampZoom(z * f))} />}
        {wide && <ZoomButtons zoom={zoom} onZoom={setZoom} column />}
      </div>
      <div className="reader-foot">
        {!wide && <ZoomButtons zoom={zoom} onZoom={setZoom} />}
        <PageNav page={page} pages={pages} onPage={goTo} />
      </div>
    </div>
  );
}
