// 座位编排 of a sitting: one click fills the 代表席 in the body's order; then select a person (in a seat or in the
// not-seated list) and tap a seat to move or swap. Prints the 座次表 (A4 / A3) and exports it as .xlsx.
import { useState } from 'react';
import type { SeatingView } from '../../../../shared/hall';
import { fillSeating, getSeating, moveSeat, seatingXlsxUrl, unseat } from '../../api/hall';
import { getMeeting } from '../../api/meetings';
import { useI18n } from '../../i18n/I18n';
import { href } from '../../router';
import { Card, Empty, ErrorNote, Loading } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';
import { useMay } from '../auth/session';
import { HallGrid } from './HallGrid';
import { SeatingSheet, useTints, type Paper } from './SeatingSheet';

function Unseated({ seating, selected, onSelect }: { seating: SeatingView; selected: number | null; onSelect(id: number): void }) {
  const { t } = useI18n();
  const list = seating.people.filter((p) => p.seatId === null && p.participant.role !== 'staff');
  return (
    <Card title={`${t('seatingPeople')}（${list.length}）`} className="no-print">
      {list.length === 0 && <p className="ok-line">{t('seatingAllSeated')}</p>}
      <div className="chips" data-testid="unseated">
        {list.map((p) => (
          <button key={p.participant.id} type="button" className={`button button-small ${selected === p.participant.id ? 'button-primary' : ''}`} onClick={() => onSelect(p.participant.id)}>
            {p.participant.name}
          </button>
        ))}
      </div>
    </Card>
  );
}

export function SeatingPage({ meetingId, sittingId }: { meetingId: number; sittingId: number }) {
  const { t } = useI18n();
  const may = useMay()('keepRecords');
  const meeting = useAsync(() => getMeeting(meetingId), [meetingId]);
  const loaded = useAsync(() => getSeating(sittingId), [sittingId]);
  const [seating, setSeating] = useState<SeatingView | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [paper, setPaper] = useState<Paper>('A4');
  const [note, setNote] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const view = seating?.sittingId === sittingId ? seating : loaded.data;
  const tints = useTints(view ?? { sittingId, hall: { bodyId: 0, sections: [] }, assignments: [], people: [] });
  const act = async (run: () => Promise<SeatingView & { unseated?: number }>) => {
    setError(null);
    try {
      const next = await run();
      setSeating(next);
      setSelected(null);
      setNote(next.unseated ? t('seatingUnseated', { n: next.unseated }) : '');
    } catch (e) {
      setError(e as Error);
    }
  };
  if (loaded.error) return <ErrorNote error={loaded.error} />;
  if (!view || !meeting.data) return <Loading />;
  const sitting = meeting.data.sittings.find((s) => s.id === sittingId);
  const title = `${meeting.data.name} ${sitting?.name ?? ''}`;
  const who = new Map(view.assignments.map((a) => [a.seatId, a]));
  const selectedName = view.people.find((p) => p.participant.id === selected)?.participant.name;
  return (
    <div className="stack seating-page">
      <div className="page-head no-print">
        <div>
          <h1 className="page-title">{t('seatingTitle')}</h1>
          <p className="muted">{t('seatingIntro')}</p>
        </div>
      </div>
      {view.hall.sections.length === 0 ? (
        <Empty>
          {t('seatingNoHall')} <a href={href(`/bodies/${meeting.data.bodyId}/hall`)}>{t('navHall')}</a>
        </Empty>
      ) : (
        <>
          <div className="print-bar no-print">
            {may && (
              <button type="button" className="button button-primary" onClick={() => confirm(t('seatingFillConfirm')) && void act(() => fillSeating(sittingId))}>
                {t('seatingFill')}
              </button>
            )}
            {selected !== null && may && (
              <>
                <span data-testid="selected">{t('seatingSelected', { name: selectedName ?? '' })}</span>
                <button type="button" className="button button-small" onClick={() => void act(() => unseat(sittingId, selected))}>
                  {t('seatingUnseat')}
                </button>
              </>
            )}
            <span className="spacer" />
            <label>
              {t('seatingPaper')}{' '}
              <select name="paper" value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
                <option value="A4">A4</option>
                <option value="A3">A3</option>
              </select>
            </label>
            <a className="button" href={seatingXlsxUrl(sittingId)} download data-testid="seating-xlsx">
              {t('exportXlsx')}
            </a>
            <button type="button" className="button" onClick={() => window.print()}>
              {t('seatingPrint')}
            </button>
          </div>
          {note && <p className="warn-line no-print">{note}</p>}
          <ErrorNote error={error} />
          <Card className="no-print">
            <HallGrid
              hall={view.hall}
              look={(seat) => {
                const a = who.get(seat.id);
                const tint = a?.delegation ? tints.get(a.delegation.trim()) : undefined;
                return {
                  content: <span className="hall-seat-name">{a?.name ?? ''}</span>,
                  style: tint ? { background: tint } : undefined,
                  className: `${a ? 'taken' : 'free'} ${a && a.participantId === selected ? 'selected' : ''}`,
                  onClick: may ? () => (selected !== null ? void act(() => moveSeat(sittingId, selected, seat.id)) : a && setSelected(a.participantId)) : undefined,
                };
              }}
            />
          </Card>
          {may && <Unseated seating={view} selected={selected} onSelect={setSelected} />}
          <div className="print-only-area">
            <SeatingSheet seating={view} title={title} paper={paper} />
          </div>
        </>
      )}
    </div>
  );
}
