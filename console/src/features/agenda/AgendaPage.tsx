// 议程 of a sitting: the ordered items, added, edited, moved and deleted by clerks (and the chair) before and during
// the sitting; the chair's 设为当前议程, which every seat tablet and the big screen follow. The list reloads whenever
// the live agenda or the sitting's votes change, so two consoles stay in step.
import { useMemo, useState } from 'react';
import { addAgendaItem, deleteAgendaItem, listAgenda, reorderAgenda, setCurrentItem } from '../../api/agenda';
import { useI18n } from '../../i18n/I18n';
import { ConnectionBanner } from '../../realtime/ConnectionBanner';
import { useLiveMeeting } from '../../realtime/use-live-meeting';
import { Card, Empty, ErrorNote, Loading } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';
import { useMay } from '../auth/session';
import { AgendaItemForm } from './AgendaItemForm';
import { AgendaRow } from './AgendaRow';

export function AgendaPage({ meetingId, sittingId }: { meetingId: number; sittingId: number }) {
  const { t } = useI18n();
  const may = useMay();
  const live = useLiveMeeting(meetingId);
  const [error, setError] = useState<Error | null>(null);
  const liveAgenda = live.state?.agenda?.find((a) => a.sittingId === sittingId);
  const voteCount = live.state?.votes.filter((v) => v.sittingId === sittingId).length ?? 0;
  const changeKey = useMemo(() => JSON.stringify(liveAgenda ?? null), [liveAgenda]);
  const items = useAsync(() => listAgenda(sittingId), [sittingId, changeKey, voteCount]);
  const sitting = live.state?.meeting.sittings.find((s) => s.id === sittingId);
  const list = items.data ?? [];

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err as Error);
    }
    items.reload();
  };
  const move = (index: number, delta: -1 | 1) => {
    const ids = list.map((i) => i.id);
    [ids[index], ids[index + delta]] = [ids[index + delta]!, ids[index]!];
    return run(() => reorderAgenda(sittingId, ids));
  };

  return (
    <div className="stack">
      <ConnectionBanner status={live.status} everLive={live.everLive} />
      <div className="page-head">
        <h1 className="page-title">
          {t('agendaTitle')} <span className="muted">{sitting?.name}</span>
        </h1>
      </div>
      <p className="muted">{t('agendaIntro')}</p>
      <ErrorNote error={error ?? items.error} />
      <Card>
        {!items.data && <Loading />}
        {items.data && list.length === 0 && <Empty>{t('agendaEmpty')}</Empty>}
        <ol className="agenda-list" data-testid="agenda-list">
          {list.map((item, i) => (
            <AgendaRow
              key={item.id}
              item={item}
              actions={{
                mayEdit: may('editAgenda'),
                mayMove: may('moveAgenda'),
                first: i === 0,
                last: i === list.length - 1,
                move: (delta) => move(i, delta),
                remove: () => run(() => deleteAgendaItem(item.id)),
                setCurrent: (current) => run(() => setCurrentItem(sittingId, current ? item.id : null)),
              }}
            />
          ))}
        </ol>
      </Card>
      {may('editAgenda') && (
        <Card title={t('agendaAdd')}>
          <AgendaItemForm submitLabel={t('agendaAdd')} onSubmit={async (input) => void (await addAgendaItem(sittingId, input), items.reload())} />
        </Card>
      )}
    </div>
  );
}
