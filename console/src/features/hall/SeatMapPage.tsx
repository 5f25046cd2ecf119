// 座位图: the hall drawn by seat, live — 已报到 / 未报到 / 请假 / 列席 / empty, the bound seat tablet's state, and after a
// 记名 vote closes its choices by seat. The map reloads on each attendance push of the sitting (seating changes push
// one too); tablets' online state is read again every few seconds.
import { useEffect, useState } from 'react';
import type { SeatChoicesView, SeatMapSeat, SeatPresence } from '../../../../shared/hall';
import { markLabel } from '../../../../shared/labels';
import { ROLL_STATUS_LABELS } from '../../../../shared/roll-call';
import { getSeatChoices, getSeatMap } from '../../api/hall';
import { useI18n } from '../../i18n/I18n';
import type { DictKey } from '../../i18n/dict';
import { useLiveMeeting } from '../../realtime/use-live-meeting';
import { Card, ErrorNote, Field, Loading } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';
import { HallGrid } from './HallGrid';

export const PRESENCE_LABEL: Record<SeatPresence, DictKey> = {
  present: 'presencePresent',
  absent: 'presenceAbsent',
  leave: 'presenceLeave',
  observer: 'presenceObserver',
  empty: 'presenceEmpty',
};

const TABLET_POLL_MS = 5000;

export function PresenceLegend({ seats }: { seats: SeatMapSeat[] }) {
  const { t } = useI18n();
  return (
    <div className="seat-legend" data-testid="seat-legend">
      {(Object.keys(PRESENCE_LABEL) as SeatPresence[]).map((p) => (
        <span key={p} className="legend-item">
          <span className={`legend-swatch presence-${p}`} />
          {t(PRESENCE_LABEL[p])} {seats.filter((s) => s.presence === p).length}
        </span>
      ))}
    </div>
  );
}

function useSeatMap(meetingId: number, sittingId: number) {
  const live = useLiveMeeting(meetingId);
  const summary = live.state?.attendance.find((a) => a.sittingId === sittingId);
  const [tick, setTick] = useState(0);
  const map = useAsync(() => getSeatMap(sittingId), [sittingId, summary, tick]);
  useEffect(() => {
    if (!map.data?.tabletsBound) return;
    const timer = setInterval(() => setTick((n) => n + 1), TABLET_POLL_MS);
    return () => clearInterval(timer);
  }, [map.data?.tabletsBound]);
  return { live, map };
}

export function SeatMapPage({ meetingId, sittingId }: { meetingId: number; sittingId: number }) {
  const { t, lang } = useI18n();
  const { live, map } = useSeatMap(meetingId, sittingId);
  const [voteId, setVoteId] = useState<number | null>(null);
  const [option, setOption] = useState(0);
  const closedOpenVotes = (live.state?.votes ?? []).filter((v) => v.sittingId === sittingId && v.secrecy === 'open' && (v.state === 'closed' || v.state === 'announced'));
  const choices = useAsync<SeatChoicesView | null>(() => (voteId ? getSeatChoices(voteId) : Promise.resolve(null)), [voteId]);
  if (map.error) return <ErrorNote error={map.error} />;
  if (!map.data) return <Loading />;
  const bySeat = new Map(map.data.seats.map((s) => [s.seatId, s]));
  const choiceOf = new Map((choices.data?.seats ?? []).map((c) => [c.seatId, c]));
  const words = (seatId: number): { text: string; tone: string } | null => {
    const c = choiceOf.get(seatId);
    if (!c || !choices.data) return null;
    if (c.status !== 'voted') return { text: ROLL_STATUS_LABELS[c.status][lang], tone: c.status };
    const mark = c.marks?.[option];
    return mark ? { text: markLabel(choices.data.kind, mark)[lang], tone: mark } : { text: '—', tone: 'none' };
  };
  return (
    <div className="stack">
      <div className="page-head">
        <h1 className="page-title">{t('seatMapTitle')}</h1>
        <a className="button" href={`#/screen/${meetingId}?sitting=${sittingId}&view=map`} target="_blank" rel="noreferrer">
          {t('navScreen')} ↗
        </a>
      </div>
      <Card>
        <PresenceLegend seats={map.data.seats} />
        {!map.data.tabletsBound && <p className="muted small">{t('tabletsNotBound')}</p>}
        <div className="form-grid">
          <Field label={t('seatMapVote')} hint={t('seatMapVoteNote')}>
            <select name="seatMapVote" value={voteId ?? ''} onChange={(e) => (setVoteId(Number(e.target.value) || null), setOption(0))}>
              <option value="">{t('seatMapVoteNone')}</option>
              {closedOpenVotes.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.title}
                </option>
              ))}
            </select>
          </Field>
          {choices.data && choices.data.options.length > 1 && (
            <Field label={t('option')}>
              <select value={option} onChange={(e) => setOption(Number(e.target.value))}>
                {choices.data.options.map((o, i) => (
                  <option key={o.id} value={i}>
                    {o.label}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </div>
        <ErrorNote error={choices.error} />
        <HallGrid
          hall={map.data.hall}
          className="seat-map"
          look={(seat) => {
            const s = bySeat.get(seat.id)!;
            const w = words(seat.id);
            const tablet = s.tabletOnline === null ? '' : s.tabletOnline ? t('tabletOnline') : t('tabletOffline');
            return {
              className: `presence-${s.presence} ${w ? `choice-${w.tone}` : ''}`,
              title: [seat.label, s.name, t(PRESENCE_LABEL[s.presence]), tablet].filter(Boolean).join(' · '),
              content: (
                <>
                  <span className="hall-seat-name">{s.name ?? ''}</span>
                  {w && <span className="seat-choice">{w.text}</span>}
                  {s.tabletOnline !== null && <span className={`tablet-dot ${s.tabletOnline ? 'on' : 'off'}`} aria-label={tablet} />}
                </>
              ),
            };
          }}
        />
      </Card>
    </div>
  );
}
