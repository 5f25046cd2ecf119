// Console chrome: the top bar (home, devices, language) and, inside a meeting, its sittings and sections.
import { useEffect, type ReactNode } from 'react';
import { LanguageSwitch, useI18n } from './i18n/I18n';
import { href, type Route } from './router';
import { getMeeting } from './api/meetings';
import { useAsync } from './ui/use-async';
import { Brand } from './ui/kit';
import { useMay, useSession } from './features/auth/session';
import type { DictKey } from './i18n/dict';

const ROLE_LABEL = { admin: 'roleAdmin', clerk: 'roleClerk', chair: 'roleChair' } as const satisfies Record<string, DictKey>;

function StaffMenu() {
  const { t } = useI18n();
  const { staff, signOut } = useSession();
  return (
    <div className="staff-menu">
      <span className="staff-name" title={staff.username}>
        {staff.displayName} · {t(ROLE_LABEL[staff.role])}
      </span>
      <button type="button" className="button button-small" onClick={() => void signOut()}>
        {t('signOut')}
      </button>
    </div>
  );
}

function MeetingNav({ meetingId, sittingId, route }: { meetingId: number; sittingId?: number; route: Route }) {
  const { t } = useI18n();
  const meeting = useAsync(() => getMeeting(meetingId), [meetingId]);
  const m = meeting.data;
  const section = route.segments[4] ?? route.segments[2] ?? '';
  const current = sittingId ?? m?.sittings[0]?.id;
  const link = (path: string, label: string, active: boolean) => (
    <a href={href(path)} className={active ? 'active' : ''} aria-current={active ? 'page' : undefined}>
      {label}
    </a>
  );
  if (!m) return null;
  return (
    <nav className="meeting-nav" aria-label={t('meetingNav')}>
      <div className="meeting-title">
        <span className="meeting-body">{m.bodyName}</span>
        <strong>{m.name}</strong>
      </div>
      <div className="meeting-links">
        {link(`/meetings/${m.id}`, t('navSetup'), section === '')}
        {m.sittings.length > 1 && current && (
          <select
            aria-label={t('sitting')}
            value={current}
            onChange={(e) => (location.hash = `/meetings/${m.id}/sittings/${e.target.value}/${['votes', 'watch', 'agenda', 'speaking', 'seating', 'seatmap'].includes(section) ? section : 'attendance'}`)}
          >
            {m.sittings.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
        {current && link(`/meetings/${m.id}/sittings/${current}/agenda`, t('navAgenda'), section === 'agenda')}
        {current && link(`/meetings/${m.id}/sittings/${current}/attendance`, t('navAttendance'), section === 'attendance')}
        {current && link(`/meetings/${m.id}/sittings/${current}/watch`, t('navWatch'), section === 'watch')}
        {current && link(`/meetings/${m.id}/sittings/${current}/votes`, t('navVotes'), section === 'votes')}
        {current && link(`/meetings/${m.id}/sittings/${current}/speaking`, t('navSpeaking'), section === 'speaking')}
        {current && link(`/meetings/${m.id}/sittings/${current}/seating`, t('navSeating'), section === 'seating')}
        {current && link(`/meetings/${m.id}/sittings/${current}/seatmap`, t('navSeatMap'), section === 'seatmap')}
        {link(`/meetings/${m.id}/reports`, t('navReports'), section === 'reports')}
        <a href={`#/screen/${m.id}${current ? `?sitting=${current}` : ''}`} target="_blank" rel="noreferrer">
          {t('navScreen')} ↗
        </a>
      </div>
    </nav>
  );
}

export function Shell({ children, meetingId, sittingId, route }: { children: ReactNode; meetingId?: number; sittingId?: number; route: Route }) {
  const { t, lang } = useI18n();
  useEffect(() => {
    document.title = t('appTitle');
  }, [t, lang]);
  const top = route.segments[0] ?? '';
  const may = useMay();
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand-link" href={href('/')}>
          <Brand />
        </a>
        <nav className="topnav">
          <a href={href('/')} className={top === '' || top === 'bodies' || top === 'meetings' ? 'active' : ''}>
            {t('navHome')}
          </a>
          {may('keepRecords') && (
            <a href={href('/devices')} className={top === 'devices' ? 'active' : ''}>
              {t('navDevices')}
            </a>
          )}
          {may('administer') && (
            <a href={href('/accounts')} className={top === 'accounts' ? 'active' : ''}>
              {t('navAccounts')}
            </a>
          )}
        </nav>
        <StaffMenu />
        <LanguageSwitch />
      </header>
      {meetingId && <MeetingNav meetingId={meetingId} sittingId={sittingId} route={route} />}
      <main className="page">{children}</main>
    </div>
  );
}
