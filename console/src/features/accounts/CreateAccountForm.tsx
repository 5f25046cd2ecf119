// A new staff account: user name, display name and role; the server answers a one-time password.
import { useState, type FormEvent } from 'react';
import type { StaffRole, StaffView } from '../../../../shared/views';
import { createStaff } from '../../api/staff';
import { useI18n } from '../../i18n/I18n';
import { ErrorNote, Field } from '../../ui/kit';
import { RoleSelect } from './RoleSelect';

export function CreateAccountForm({ onCreated }: { onCreated(staff: StaffView, oneTimePassword: string): void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<StaffRole>('clerk');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const made = await createStaff({ username: username.trim(), displayName: displayName.trim() || username.trim(), role });
      setUsername('');
      setDisplayName('');
      setError(null);
      onCreated(made.staff, made.oneTimePassword);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="stack" aria-label={t('createAccount')}>
      <div className="form-grid form-grid-3">
        <Field label={t('username')} hint={t('usernameHint')}>
          <input name="newUsername" value={username} onChange={(e) => setUsername(e.target.value)} required autoComplete="off" />
        </Field>
        <Field label={t('displayName')} hint={t('displayNameHint')}>
          <input name="displayName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoComplete="off" />
        </Field>
        <Field label={t('accountRole')}>
          <RoleSelect value={role} onChange={setRole} />
        </Field>
      </div>
      <ErrorNote error={error} />
      <div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('createAccount')}
        </button>
      </div>
    </form>
  );
}
