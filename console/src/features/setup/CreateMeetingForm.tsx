// Create a meeting (会议) with its sittings (全体会议), one per line.
import { useState, type FormEvent } from 'react';
import { createMeeting } from '../../api/meetings';
import { useI18n } from '../../i18n/I18n';
import { navigate } from '../../router';
import { ErrorNote, Field } from '../../ui/kit';

export function CreateMeetingForm({ bodyId }: { bodyId: number }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [sittings, setSittings] = useState(t('defaultSittings'));
  const [error, setError] = useState<Error | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const names = sittings.split('\n').map((s) => s.trim()).filter(Boolean);
    try {
      const m = await createMeeting(bodyId, { name: name.trim(), sittings: names.map((n) => ({ name: n })) });
      navigate(`/meetings/${m.id}`);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <form onSubmit={submit} className="form-grid">
      <h3>{t('createMeeting')}</h3>
      <Field label={t('meetingName')}>
        <input name="meetingName" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('meetingNamePlaceholder')} required />
      </Field>
      <Field label={t('sittingsOnePerLine')}>
        <textarea name="sittings" rows={2} value={sittings} onChange={(e) => setSittings(e.target.value)} />
      </Field>
      <ErrorNote error={error} />
      <div>
        <button className="button button-primary" type="submit">
          {t('createMeeting')}
        </button>
      </div>
    </form>
  );
}
