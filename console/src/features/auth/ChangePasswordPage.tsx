// First sign-in with a one-time password: choose a new one before anything else (the server refuses the
// rest until then). Also reached by an admin's password reset.
import { useState, type FormEvent } from 'react';
import type { StaffView } from '../../../../shared/views';
import { changePassword } from '../../api/auth';
import { LanguageSwitch, useI18n } from '../../i18n/I18n';
import { ErrorNote, Field } from '../../ui/kit';

const MIN_LENGTH = 10; // as shared/schemas/staff.ts NewPassword

export function ChangePasswordPage({ staff, onChanged, onSignOut }: { staff: StaffView; onChanged(s: StaffView): void; onSignOut(): void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<Error | string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next.length < MIN_LENGTH) return setError(t('passwordTooShort', { n: MIN_LENGTH }));
    if (next !== again) return setError(t('passwordMismatch'));
    try {
      onChanged(await changePassword(current, next));
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <div className="auth-page">
      <div className="auth-lang">
        <LanguageSwitch />
      </div>
      <form className="auth-card card" onSubmit={submit} aria-labelledby="auth-title">
        <h1 id="auth-title">{t('changePasswordTitle')}</h1>
        <p className="auth-hint">{t('changePasswordWhy', { name: staff.displayName })}</p>
        <Field label={t('currentPassword')}>
          <input name="currentPassword" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
        </Field>
        <Field label={t('newPassword')} hint={t('passwordRule', { n: MIN_LENGTH })}>
          <input name="newPassword" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required />
        </Field>
        <Field label={t('newPasswordAgain')}>
          <input name="newPasswordAgain" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required />
        </Field>
        <ErrorNote error={error} />
        <button className="button button-primary auth-submit" type="submit">
          {t('changePassword')}
        </button>
        <button className="button" type="button" onClick={onSignOut}>
          {t('signOut')}
        </button>
      </form>
    </div>
  );
}
