// A meeting: its sittings (add one), who attends besides the deputies (列席, staff), and where to go next.
import { useState, type FormEvent } from 'react';
import type { MeetingView } from '../../../../shared/views';
import { addSitting, getMeeting } from '../../api/meetings';
import { useI18n } from '../../i18n/I18n';
import { href } from '../../router';
import { Card, ErrorNote, Field, Loading } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';
import { ParticipantsCard } from './ParticipantsCard';
import { DocumentsCard } from '../documents/DocumentsCard';
import { useMay } from '../auth/session';

function SittingsCard({ meeting, onAdded }: { meeting: MeetingView; onAdded(): void }) {
  const { t } = useI18n();
  const may = useMay();
  const [name, setName] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await addSitting(meeting.id, { name: name.trim() });
      setName('');
      onAdded();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <Card title={t('sittings')}>
      <ul className="sitting-list">
        {meeting.sittings.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong>
            <span className="sitting-links">
              <a className="button button-small" href={href(`/meetings/${meeting.id}/sittings/${s.id}/attendance`)}>
                {t('navAttendance')}
              </a>
              <a className="button button-small" href={href(`/meetings/${meeting.id}/sittings/${s.id}/votes`)}>
                {t('navVotes')}
              </a>
              <a className="button button-small" href={href(`/reports/sittings/${s.id}`)}>
                {t('attendanceSheet')}
              </a>
            </span>
          </li>
        ))}
      </ul>
      {may('keepRecords') && (
        <form onSubmit={submit} className="form-row">
          <Field label={t('addSitting')}>
            <input name="sittingName" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('sittingPlaceholder')} required />
          </Field>
          <button className="button" type="submit">
            {t('add')}
          </button>
        </form>
      )}
      <ErrorNote error={error} />
    </Card>
  );
}

export function MeetingPage({ meetingId }: { meetingId: number }) {
  const { t } = useI18n();
  const meeting = useAsync(() => getMeeting(meetingId), [meetingId]);
  if (meeting.error) return <ErrorNote error={meeting.error} />;
  if (!meeting.data) return <Loading />;
  const m = meeting.data;
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <div className="crumbs">
            <a href={href('/')}>{t('navHome')}</a> / <a href={href(`/bodies/${m.bodyId}`)}>{m.bodyName}</a> /
          </div>
          <h1 className="page-title">{m.name}</h1>
        </div>
        <a className="button" href={`#/screen/${m.id}`} target="_blank" rel="noreferrer">
          {t('openScreen')} ↗
        </a>
      </div>
      <div className="grid-2">
        <SittingsCard meeting={m} onAdded={meeting.reload} />
        <ParticipantsCard meetingId={m.id} />
      </div>
      {m.sittings.map((s) => (
        <DocumentsCard key={s.id} sitting={s} />
      ))}
    </div>
  );
}
