// Attendance board of a sitting: live 应到/实到/请假/缺席 and quorum, the list with check-in method and time,
// the evidence photo beside each face check-in, manual check-in and leave with a reason.
import { useEffect, useMemo } from 'react';
import { getAttendance } from '../../api/attendance';
import { useI18n } from '../../i18n/I18n';
import { ConnectionBanner } from '../../realtime/ConnectionBanner';
import { useLiveMeeting } from '../../realtime/use-live-meeting';
import { href } from '../../router';
import { ErrorNote, Loading } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';
import { AttendanceFigures } from './AttendanceFigures';
import { AttendanceTable } from './AttendanceTable';
import { DoorRefusals } from './DoorRefusals';

export function AttendancePage({ meetingId, sittingId }: { meetingId: number; sittingId: number }) {
  const { t } = useI18n();
  const live = useLiveMeeting(meetingId);
  const list = useAsync(() => getAttendance(sittingId), [sittingId]);
  const liveSummary = live.state?.attendance.find((a) => a.sittingId === sittingId);
  // The list is fetched, the summary is live: refetch the list whenever the live summary moves.
  const summaryKey = liveSummary ? JSON.stringify(liveSummary) : '';
  const { reload } = list;
  useEffect(() => {
    if (summaryKey) reload();
  }, [summaryKey, reload]);
  const summary = liveSummary ?? list.data?.summary;
  const sitting = useMemo(() => live.state?.meeting.sittings.find((s) => s.id === sittingId), [live.state, sittingId]);
  return (
    <div className="stack">
      <ConnectionBanner status={live.status} everLive={live.everLive} />
      <div className="page-head">
        <h1 className="page-title">
          {t('attendanceBoard')} <span className="muted">{sitting?.name}</span>
        </h1>
        <a className="button" href={href(`/reports/sittings/${sittingId}`)}>
          {t('attendanceSheet')}
        </a>
      </div>
      {summary ? <AttendanceFigures summary={summary} /> : <Loading />}
      <DoorRefusals sittingId={sittingId} changed={summaryKey} />
      <ErrorNote error={list.error} />
      {list.data && <AttendanceTable sittingId={sittingId} entries={list.data.entries} started={summary?.started ?? true} onChanged={reload} />}
    </div>
  );
}
