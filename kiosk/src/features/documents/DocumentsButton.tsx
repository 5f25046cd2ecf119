// The ways into 会议文件 from the vote screens: 会议文件 in the seat's top bar, and 查看文件 beside a ballot's
// title when its agenda item has documents.
import { useSeatDocuments } from './seat-documents-context';
import { useDocWords } from './words';

export function DocumentsButton() {
  const w = useDocWords();
  const nav = useSeatDocuments();
  if (!nav) return null;
  return (
    <button type="button" className="topbar-btn" data-open="documents" onClick={() => nav.open(null)}>
      {w('documents')}
    </button>
  );
}

export function ItemDocumentsButton({ itemId }: { itemId: number }) {
  const w = useDocWords();
  const nav = useSeatDocuments();
  if (!nav || nav.countFor(itemId) === 0) return null;
  return (
    <button type="button" className="btn secondary" data-open="item-documents" onClick={() => nav.open(itemId)}>
      {w('viewDocuments')}
    </button>
  );
}
