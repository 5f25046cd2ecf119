// Adds one deputy by hand (POST /api/bodies/:id/deputies): a by-election winner, or a correction, without a file.
import { useState, type FormEvent } from 'react';
import { addDeputy } from '../../api/bodies';
import { useI18n } from '../../i18n/I18n';
import { ErrorNote, Field } from '../../ui/kit';

const EMPTY = { name: '', cardNo: '', gender: '', delegation: '' };

export function AddDeputyForm({ bodyId, onAdded }: { bodyId: number; onAdded(): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<Error | null>(null);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await addDeputy(bodyId, {
        name: form.name.trim(),
        cardNo: form.cardNo.trim(),
        ...(form.gender.trim() && { gender: form.gender.trim() }),
        ...(form.delegation.trim() && { delegation: form.delegation.trim() }),
      });
      setForm(EMPTY);
      setError(null);
      onAdded();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <form onSubmit={submit} className="add-deputy">
      <Field label={t('name')}>
        <input name="deputyName" value={form.name} onChange={set('name')} required />
      </Field>
      <Field label={t('cardNo')}>
        <input name="cardNo" value={form.cardNo} onChange={set('cardNo')} required />
      </Field>
      <Field label={t('gender')}>
        <input name="gender" value={form.gender} onChange={set('gender')} maxLength={8} />
      </Field>
      <Field label={t('delegation')}>
        <input name="delegation" value={form.delegation} onChange={set('delegation')} />
      </Field>
      <button type="submit" className="button">
        {t('addDeputy')}
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
