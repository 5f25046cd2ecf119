// 会议文件 at the seat: the sitting's documents grouped by agenda item (the current item first, or the item of
// the ballot the deputy came from), each a large card that opens the reader. 文件已下载 n / m says how many are on
// the tablet; without the server the downloaded ones still open.
import { useState } from 'react';
import { downloadCount, groupDocuments, type AgendaLine, type DocGroup } from './group-documents';
import type { DocEntry } from './manifest';
import type { Documents } from './use-document-sync';
import { DocumentReader } from './DocumentReader';
import { useDocWords, type DocWords } from './words';

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function DownloadedPill({ docs }: { docs: Documents }) {
  const w = useDocWords();
  const { n, m } = downloadCount(docs.manifest?.documents ?? [], docs.held);
  return (
    <span className={`pill docs-count ${n === m ? 'done' : ''}`} data-downloaded={`${n}/${m}`}>
      {w('downloaded', { n, m })}
    </span>
  );
}

function groupTitle(g: DocGroup, w: DocWords): string {
  if (g.itemId === null) return w('sittingWide');
  const title = g.title ?? w('itemN', { n: g.position ?? g.itemId });
  return g.current ? `${w('currentItem')}：${title}` : title;
}

function DocCard({ doc, held, onOpen }: { doc: DocEntry; held: boolean; onOpen(): void }) {
  const w = useDocWords();
  return (
    <button type="button" className="doc-card" data-doc={doc.id} data-held={held} onClick={onOpen}>
      <span className="doc-icon" aria-hidden="true">
        PDF
      </span>
      <span className="doc-text">
        <span className="doc-title">{doc.title}</span>
        <span className="doc-meta">
          {w('pages', { n: doc.pages })} · {sizeText(doc.size)} · {held ? '✓' : w('notDownloaded')}
        </span>
      </span>
    </button>
  );
}

export function DocumentsScreen(props: { docs: Documents; agenda: AgendaLine[]; currentItemId: number | null; focusItemId: number | null; onBackToBallot: (() => void) | null }) {
  const { docs, agenda, currentItemId, focusItemId, onBackToBallot } = props;
  const w = useDocWords();
  const [open, setOpen] = useState<DocEntry | null>(null);
  const list = docs.manifest?.documents ?? [];
  const shown = open && list.find((d) => d.id === open.id);
  if (shown) return <DocumentReader doc={shown} fetchNow={docs.fetchNow} onClose={() => setOpen(null)} />;
  const groups = groupDocuments(list, agenda, focusItemId, currentItemId);
  return (
    <div className="documents" data-screen="documents">
      <div className="documents-head">
        <h1 className="huge-ish">{w('documents')}</h1>
        <DownloadedPill docs={docs} />
        {onBackToBallot && (
          <button type="button" className="btn primary" onClick={onBackToBallot}>
            {w('backToBallot')}
          </button>
        )}
      </div>
      {docs.offline && <p className="notice warn">{w('offlineReading')}</p>}
      {list.length === 0 && <p className="lead muted documents-empty">{w('noDocuments')}</p>}
      <div className="documents-scroll">
        {groups.map((g) => (
          <section key={g.itemId ?? 'sitting'} className={`doc-group ${g.itemId === focusItemId ? 'focus' : ''}`} data-item={g.itemId ?? 'sitting'}>
            <h2>{groupTitle(g, w)}</h2>
            {g.docs.map((d) => (
              <DocCard key={d.id} doc={d} held={docs.held.has(d.sha256)} onOpen={() => setOpen(d)} />
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
