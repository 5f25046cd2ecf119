// 大屏: the hall's big screen at 1920×1080, readable from the back. Attendance during check-in; "表决进行中
// 已投 N/M" while a vote is open (never per-option counts); the result with bars once the body's rules say so
// (at close or once announced, per vote kind: resultOnScreen), "表决已结束，待宣布结果" in between.
// Between votes, the current agenda item (当前议程: title and presenter) once the chair has set one; a result stays
// up only while its own item is current (moving on to the next item replaces it).
// Add ?sitting=<id> to pin a sitting, ?view=attendance to show attendance even after a result, ?view=map for the
// attendance map by seat (座位图).
import { useEffect, useRef, useState } from 'react';
import type { MeetingState, ServerMessage } from '../../../../shared/protocol';
import type { VoteView } from '../../../../shared/views';
import { DEFAULT_BODY_RULES, resultOnScreen } from '../../../../shared/rules/defaults';
import { getBody } from '../../api/bodies';
import { useI18n } from '../../i18n/I18n';
import { useLiveMeeting } from '../../realtime/use-live-meeting';
import { useAsync } from '../../ui/use-async';
import { formatHourMinute } from '../../ui/format';
import { ScreenAttendance, AttendanceStrip } from './ScreenAttendance';
import { ScreenVoteOpen } from './ScreenVoteOpen';
import { ScreenResult } from './ScreenResult';
import { ScreenDocument } from './ScreenDocument';
import { useProjection } from './use-projection';
import { ScreenSpeaker } from './ScreenSpeaker';
import { ScreenAgenda } from './ScreenAgenda';
import { currentItem } from '../../../../shared/agenda';
import { ScreenSeatMap } from '../hall/ScreenSeatMap';

function pickSitting(state: MeetingState, pinned: number | null): number | undefined {
  if (pinned) return pinned;
  const open = state.votes.find((v) => v.state === 'open');
  if (open) return open.sittingId;
  const busy = [...state.attendance].reverse().find((a) => a.present > 0);
  return busy?.sittingId ?? state.meeting.sittings[0]?.id;
}

/** When the vote last changed on the floor: opened, closed or announced. */
const lastEvent = (v: VoteView) => [v.openedAt, v.closedAt, v.announcedAt].filter(Boolean).sort().pop() ?? '';

function useClock(): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), 1000);
    return () => clearInterval(timer);
  }, []);
  return formatHourMinute(now);
}

export function ScreenPage({ meetingId, sittingId: pinned, view }: { meetingId: number; sittingId: number | null; view?: string | null }) {
  const { t } = useI18n();
  const hear = useRef<(m: ServerMessage) => void>(() => undefined);
  const live = useLiveMeeting(meetingId, (m) => hear.current(m));
  const clock = useClock();
  const bodyId = live.state?.meeting.bodyId;
  const body = useAsync(() => (bodyId ? getBody(bodyId) : Promise.resolve(undefined)), [bodyId]);
  useEffect(() => {
    document.title = t('screenTitle');
  }, [t]);
  const state = live.state;
  const sittingId = state ? pickSitting(state, pinned) : undefined;
  const sitting = state?.meeting.sittings.find((s) => s.id === sittingId);
  const summary = state?.attendance.find((a) => a.sittingId === sittingId);
  const votes = state?.votes.filter((v) => v.sittingId === sittingId) ?? [];
  // The vote that moved last is on screen: a vote being voted on, or the result of the one just closed.
  const latest = votes.filter((v) => v.state === 'open' || v.state === 'closed' || v.state === 'announced').sort((a, b) => lastEvent(b).localeCompare(lastEvent(a)))[0];
  const item = currentItem(state?.agenda?.find((a) => a.sittingId === sittingId));
  const current = latest && (latest.state === 'open' || !item || latest.agendaItemId === item.id) ? latest : undefined;
  const rules = body.data?.rules ?? DEFAULT_BODY_RULES;
  const shown = useProjection(sittingId, live.status);
  hear.current = shown.onMessage;
  // Someone given the floor takes the screen, unless a vote is open (a vote is never hidden while deputies press).
  const speaking = sittingId !== undefined ? live.speaking[sittingId] : undefined;
  const floor = view !== 'attendance' && view !== 'map' && current?.state !== 'open' ? speaking?.floor ?? null : null;
  const itemTitle = floor?.agendaItemId ? state?.agenda?.find((a) => a.sittingId === sittingId)?.items.find((i) => i.id === floor.agendaItemId)?.title ?? null : null;
  // 投屏 holds the screen until a vote moves after it was put up (opened, closed, announced), or a speaker is given
  // the floor after it: the later of them has the screen.
  const projection =
    shown.projection && view !== 'attendance' && view !== 'map' && (!latest || lastEvent(latest) < shown.projection.setAt) && (!floor || floor.startedAt < shown.projection.setAt)
      ? shown.projection
      : null;
  const mode = projection
    ? 'document'
    : floor
      ? 'speaker'
      : view === 'map'
        ? 'map'
        : view === 'attendance'
          ? 'attendance'
          : current
            ? current.state === 'open'
              ? 'open'
              : resultOnScreen(current, rules)
                ? 'result'
                : 'awaiting'
            : item
              ? 'agenda'
              : 'attendance';
  return (
    <div className="screen" data-mode={mode} data-testid="screen">
      <header className="screen-head">
        <div className="screen-emblem" aria-hidden="true">
          ★
        </div>
        <div className="screen-titles">
          <div className="screen-body">{state?.meeting.bodyName}</div>
          <div className="screen-meeting">
            {state?.meeting.name} {sitting?.name}
          </div>
        </div>
        <div className="screen-clock">{clock}</div>
      </header>
      <main className="screen-main">
        {!state && <div className="screen-wait">{t('screenConnecting')}</div>}
        {state && projection && <ScreenDocument projection={projection} />}
        {state && mode === 'speaker' && speaking && floor && <ScreenSpeaker view={speaking} floor={floor} itemTitle={itemTitle} />}
        {state && mode === 'attendance' && summary && <ScreenAttendance summary={summary} />}
        {state && mode === 'agenda' && item && <ScreenAgenda item={item} />}
        {state && mode === 'map' && sittingId && <ScreenSeatMap sittingId={sittingId} summary={summary} />}
        {state && (mode === 'open' || mode === 'awaiting') && current && <ScreenVoteOpen vote={current} />}
        {state && mode === 'result' && current?.tally && <ScreenResult vote={current} tally={current.tally} showNotVoted={rules.showNotVoted} />}
      </main>
      {mode !== 'attendance' && mode !== 'document' && summary && <AttendanceStrip summary={summary} />}
      {live.everLive && live.status !== 'live' && <div className="screen-offline">{t('liveLost')}</div>}
    </div>
  );
}
