// Non-voting attendees: 列席人员 and staff. They check in, never vote, never count toward quorum.
import { useState, type FormEvent } from 'react';
import { addParticipant, listParticipants } from '../../api/meetings';
import { useI18n } from '../../i18n/I18n';
import { Card, Empty, ErrorNote, Field } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';
import { useMay } from '../auth/session';

export function ParticipantsCard({ meetingId }: { meetingId: number }) {
  const { t } = useI18n();
  const may = useMay();
  const list = useAsync(() => listParticipants(meetingId), [meetingId]);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [role, setRole] = useState<'observer' | 'staff'>('observer');
  const [error, setError] = useState<Error | null>(null);
  const others = list.data?.filter((p) => p.role !== 'deputy') ?? [];
  const deputies = (list.data?.length ?? 0) - others.length;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await addParticipant(meetingId, { role, name: name.trim(), organisation: organisation.trim() || undefined });
      setName('');
      setOrganisation('');
      setError(null);
      list.reload();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <Card title={t('participants')}>
      <p className="muted">{t('participantsDeputies', { n: deputies })}</p>
      {others.length === 0 ? (
        <Empty>{t('noObservers')}</Empty>
      ) : (
        <table className="table compact" data-testid="observers">
          <tbody>
            {others.map((p) => (
              <tr key={p.id}>
                <td className="strong">{p.name}</td>
                <td>{p.role === 'observer' ? t('roleObserver') : t('roleStaff')}</td>
                <td className="muted">{p.organisation ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {may('keepRecords') && (
        <form onSubmit={submit} className="form-grid form-grid-3">
          <Field label={t('name')}>
            <input name="participantName" value={name} onChange={(e) => setName(e.target.value)} required />
          </Field>
          <Field label={t('organisation')}>
            <input name="organisation" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
          </Field>
          <Field label={t('role')}>
            <select name="role" value={role} onChange={(e) => setRole(e.target.value as 'observer' | 'staff')}>
              <option value="observer">{t('roleObserver')}</option>
              <option value="staff">{t('roleStaff')}</option>
            </select>
          </Field>
          <div>
            <button className="button" type="submit">
              {t('addParticipant')}
            </button>
          </div>
        </form>
      )}
      <ErrorNote error={error} />
    </Card>
  );
}
