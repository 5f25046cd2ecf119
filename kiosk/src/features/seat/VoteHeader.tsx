import type { VoteView } from '../../../../shared/views';
import { useI18n, type MessageKey } from '../../i18n';
import { ItemDocumentsButton } from '../documents/DocumentsButton';

const KIND: Record<VoteView['kind'], MessageKey> = { resolution: 'kindResolution', project: 'kindProject', election: 'kindElection', rating: 'kindRating' };

export function VoteHeader({ vote, compact }: { vote: VoteView; compact?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={`vote-header ${compact ? 'compact' : ''}`} data-vote={vote.id}>
      <div className="tags">
        <span className="tag">{t(KIND[vote.kind])}</span>
        <span className="tag subtle">{t(vote.secrecy === 'secret' ? 'secret' : 'open')}</span>
      </div>
      <div className="vote-title-row">
        <h1 className="vote-title">{vote.title}</h1>
        <ItemDocumentsButton itemId={vote.agendaItemId} />
      </div>
    </div>
  );
}
