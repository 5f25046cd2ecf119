// The console: hash routes to screens, behind staff sign-in. The big screen (#/screen/<meetingId>) has no
// console chrome but needs a session too (it reads live tallies).
import type { ReactNode } from 'react';
import { useI18n } from './i18n/I18n';
import { href, idOf, useHashRoute, type Route } from './router';
import { Shell } from './Shell';
import { Empty } from './ui/kit';
import { SessionGate } from './features/auth/session';
import { HomePage } from './features/setup/HomePage';
import { BodyPage } from './features/setup/BodyPage';
import { MeetingPage } from './features/setup/MeetingPage';
import { AttendancePage } from './features/attendance/AttendancePage';
import { VotesPage } from './features/votes/VotesPage';
import { AgendaPage } from './features/agenda/AgendaPage';
import { FaceWatchPage } from './features/watch/FaceWatchPage';
import { ScreenPage } from './features/screen/ScreenPage';
import { DevicesPage } from './features/devices/DevicesPage';
import { AccountsPage } from './features/accounts/AccountsPage';
import { ReportsIndexPage } from './features/reports/ReportsIndexPage';
import { VoteReportPage } from './features/reports/VoteReportPage';
import { AttendanceReportPage } from './features/reports/AttendanceReportPage';
import { AgendaReportPage } from './features/reports/AgendaReportPage';
import { DeputyRecordPage } from './features/reports/DeputyRecordPage';
import { SpeakingPage } from './features/speaking/SpeakingPage';
import { SpeechReportPage } from './features/speaking/SpeechReportPage';
import { HallPage } from './features/hall/HallPage';
import { SeatingPage } from './features/hall/SeatingPage';
import { SeatMapPage } from './features/hall/SeatMapPage';

function NotFound() {
  const { t } = useI18n();
  // A mistyped or stale link: say so, and give the way back.
  return (
    <Empty>
      {t('notFound')}
      {t('notFoundBack')}
      <a href={href('/')}>{t('navHome')}</a>
    </Empty>
  );
}

/** The page for a route, and the meeting it belongs to (for the meeting navigation). */
function resolve(route: Route): { page: ReactNode; meetingId?: number; sittingId?: number } {
  const [a, b, c, d, e] = route.segments;
  const id = idOf(b);
  if (!a) return { page: <HomePage /> };
  if (a === 'bodies' && id && c === 'hall') return { page: <HallPage bodyId={id} /> };
  if (a === 'bodies' && id) return { page: <BodyPage bodyId={id} /> };
  if (a === 'accounts') return { page: <AccountsPage /> };
  if (a === 'devices') return { page: <DevicesPage initialCode={route.query.get('code')} /> };
  if (a === 'meetings' && id) {
    const sid = idOf(d);
    if (c === 'sittings' && sid && e === 'attendance') return { page: <AttendancePage meetingId={id} sittingId={sid} />, meetingId: id, sittingId: sid };
    if (c === 'sittings' && sid && e === 'watch') return { page: <FaceWatchPage meetingId={id} sittingId={sid} />, meetingId: id, sittingId: sid };
    if (c === 'sittings' && sid && e === 'agenda') return { page: <AgendaPage meetingId={id} sittingId={sid} />, meetingId: id, sittingId: sid };
    if (c === 'sittings' && sid && e === 'seating') return { page: <SeatingPage meetingId={id} sittingId={sid} />, meetingId: id, sittingId: sid };
    if (c === 'sittings' && sid && e === 'seatmap') return { page: <SeatMapPage meetingId={id} sittingId={sid} />, meetingId: id, sittingId: sid };
    if (c === 'sittings' && sid && e === 'votes') return { page: <VotesPage meetingId={id} sittingId={sid} />, meetingId: id, sittingId: sid };
    if (c === 'sittings' && sid && e === 'speaking') return { page: <SpeakingPage meetingId={id} sittingId={sid} />, meetingId: id, sittingId: sid };
    if (c === 'reports') return { page: <ReportsIndexPage meetingId={id} />, meetingId: id };
    if (!c) return { page: <MeetingPage meetingId={id} />, meetingId: id };
  }
  if (a === 'reports') {
    if (b === 'votes' && idOf(c)) return { page: <VoteReportPage voteId={idOf(c)!} /> };
    if (b === 'sittings' && idOf(c) && d === 'speeches') return { page: <SpeechReportPage sittingId={idOf(c)!} /> };
    if (b === 'sittings' && idOf(c) && d === 'agenda') return { page: <AgendaReportPage sittingId={idOf(c)!} /> };
    if (b === 'sittings' && idOf(c)) return { page: <AttendanceReportPage sittingId={idOf(c)!} /> };
    if (b === 'deputies' && idOf(c)) return { page: <DeputyRecordPage deputyId={idOf(c)!} /> };
  }
  return { page: <NotFound /> };
}

export function App() {
  return (
    <SessionGate>
      <Routes />
    </SessionGate>
  );
}

function Routes() {
  const route = useHashRoute();
  if (route.segments[0] === 'screen') {
    const meetingId = idOf(route.segments[1]);
    return meetingId ? <ScreenPage meetingId={meetingId} sittingId={idOf(route.query.get('sitting') ?? undefined)} view={route.query.get('view')} /> : <NotFound />;
  }
  const { page, meetingId, sittingId } = resolve(route);
  return (
    <Shell meetingId={meetingId} sittingId={sittingId} route={route}>
      {page}
    </Shell>
  );
}
