// Everyone on the sitting's list, filterable, with check-in method and time, photos for face check-ins,
// and the clerk's actions: 人工补签 and 请假 (each with a required reason), 取消请假.
import { useState } from 'react';
import type { AttendanceEntry } from '../../../../shared/views';
import { manualCheckIn, recordLeave, removeLeave } from '../../api/attendance';
import { useI18n } from '../../i18n/I18n';
import { ReasonDialog } from '../../ui/Modal';
import { Empty, ErrorNote } from '../../ui/kit';
import { AttendanceRow } from './AttendanceRow';

type Filter = 'all' | 'present' | 'leave' | 'absent' | 'others';

/** The tabs count as the figures do: 实到/请假/缺席 over deputies in office; 列席 and staff on their own tab. */
function matches(e: AttendanceEntry, f: Filter): boolean {
  if (f === 'all') return true;
  if (f === 'others') return e.participant.role !== 'deputy';
  return e.participant.role === 'deputy' && e.inOffice && e.status === f;
}
type Action = { kind: 'checkin' | 'leave'; entry: AttendanceEntry } | null;

/** `started`: before a sitting starts those not yet here are 未报到, not 缺席 (the figures say the same). */
export function AttendanceTable({ sittingId, entries, started, onChanged }: { sittingId: number; entries: AttendanceEntry[]; started: boolean; onChanged(): void }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const [action, setAction] = useState<Action>(null);
  const [error, setError] = useState<Error | null>(null);
  const count = (f: Filter) => entries.filter((e) => matches(e, f)).length;
  const q = query.trim();
  const shown = entries.filter(
    (e) => matches(e, filter) && (!q || e.participant.name.includes(q) || (e.participant.delegation ?? '').includes(q)),
  );
  const cancelLeave = async (e: AttendanceEntry) => {
    try {
      await removeLeave(sittingId, e.participant.id);
      onChanged();
    } catch (err) {
      setError(err as Error);
    }
  };
  const tabs: Array<[Filter, string]> = [
    ['all', t('filterAll')],
    ['present', t('present')],
    ['leave', t('onLeave')],
    ['absent', started ? t('absent') : t('notArrived')],
    ['others', t('othersTab')],
  ];
  return (
    <section className="card">
      <div className="toolbar">
        <div className="tabs" role="tablist">
          {tabs.map(([f, label]) => (
            <button key={f} type="button" role="tab" aria-selected={filter === f} className={filter === f ? 'active' : ''} onClick={() => setFilter(f)}>
              {label} <span className="tab-count">{count(f)}</span>
            </button>
          ))}
        </div>
        <input type="search" placeholder={t('searchPerson')} value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <ErrorNote error={error} />
      <table className="table" data-testid="attendance-table">
        <thead>
          <tr>
            <th>{t('name')}</th>
            <th>{t('delegation')}</th>
            <th>{t('status')}</th>
            <th>{t('checkinMethod')}</th>
            <th>{t('checkinTime')}</th>
            <th>{t('photoCompare')}</th>
            <th>{t('note')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <AttendanceRow
              started={started}
              key={e.participant.id}
              sittingId={sittingId}
              entry={e}
              onCheckIn={() => setAction({ kind: 'checkin', entry: e })}
              onLeave={() => setAction({ kind: 'leave', entry: e })}
              onCancelLeave={() => void cancelLeave(e)}
            />
          ))}
        </tbody>
      </table>
      {/* An empty table says why: no one on the list yet (import the roster), or no one matches the tab or search. */}
      {shown.length === 0 && <Empty>{entries.length === 0 ? t('attendanceListEmpty') : t('attendanceNoMatch')}</Empty>}
      {action && (
        <ReasonDialog
          title={action.kind === 'checkin' ? t('manualCheckinTitle', { name: action.entry.participant.name }) : t('leaveTitle', { name: action.entry.participant.name })}
          label={action.kind === 'checkin' ? t('manualCheckinReason') : t('leaveReason')}
          confirm={action.kind === 'checkin' ? t('manualCheckin') : t('recordLeave')}
          onClose={() => setAction(null)}
          onConfirm={async (reason) => {
            if (action.kind === 'checkin') await manualCheckIn(sittingId, action.entry.participant.id, reason);
            else await recordLeave(sittingId, action.entry.participant.id, reason);
            onChanged();
          }}
        />
      )}
    </section>
  );
}
