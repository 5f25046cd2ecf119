// The queue in the server's arrival order (an answer right after its question): name, delegation, seat, item, time;
// 请发言 and 跳过 for the chair, 安排答复 on a question for the clerk.
import type { AgendaEntry } from '../../../../shared/agenda';
import type { SpeechEntry } from '../../../../shared/speaking';
import { useI18n } from '../../i18n/I18n';
import { Badge, Empty } from '../../ui/kit';
import { formatTime } from '../../ui/format';
import { TURN_WORD } from './turn-words';

interface Props {
  queue: SpeechEntry[];
  items: AgendaEntry[];
  mayChair: boolean;
  mayAnswer: boolean;
  onGive(id: number): void;
  onSkip(id: number): void;
  onAnswer(id: number): void;
}

export function QueueTable({ queue, items, mayChair, mayAnswer, onGive, onSkip, onAnswer }: Props) {
  const { t } = useI18n();
  const itemTitle = (id: number | null) => (id === null ? t('speakingGeneral') : items.find((i) => i.id === id)?.title ?? '');
  if (queue.length === 0) return <Empty>{t('speakingQueueEmpty')}</Empty>;
  return (
    <table className="table speak-queue" data-testid="speak-queue">
      <thead>
        <tr>
          <th>{t('speakingOrder')}</th>
          <th>{t('speakingName')}</th>
          <th>{t('speakingDelegation')}</th>
          <th>{t('speakingSeat')}</th>
          <th>{t('speakingItem')}</th>
          <th>{t('speakingAsked')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {queue.map((e, i) => (
          <tr key={e.id} data-request={e.id} className={e.turn === 'answer' ? 'speak-answer' : ''}>
            <td>{i + 1}</td>
            <td>
              <Badge tone={e.turn === 'answer' ? 'warn' : 'info'}>{t(TURN_WORD[e.turn])}</Badge> {e.name}
            </td>
            <td>{e.delegation ?? ''}</td>
            <td>{e.seat ?? ''}</td>
            <td>{itemTitle(e.agendaItemId)}</td>
            <td>{formatTime(e.requestedAt)}</td>
            <td className="actions">
              {mayChair && (
                <button type="button" className="button button-primary button-small" onClick={() => onGive(e.id)}>
                  {t('speakingGive')}
                </button>
              )}
              {mayChair && (
                <button type="button" className="button button-small" onClick={() => onSkip(e.id)}>
                  {t('speakingSkip')}
                </button>
              )}
              {mayAnswer && e.turn === 'question' && (
                <button type="button" className="button button-ghost button-small" onClick={() => onAnswer(e.id)}>
                  {t('speakingAnswer')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
