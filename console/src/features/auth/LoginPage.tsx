// Staff sign-in (工作人员登录). Wrong name or password, too many tries, server unreachable: said plainly.
import { useState, type FormEvent } from 'react';
import type { StaffView } from '../../../../shared/views';
import { login } from '../../api/auth';
import { LanguageSwitch, useI18n } from '../../i18n/I18n';
import { Brand, ErrorNote, Field } from '../../ui/kit';

export function LoginPage({ onSignedIn, startError }: { onSignedIn(staff: StaffView): void; startError?: Error }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(startError ?? null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login(username.trim(), password));
    } catch (err) {
      setError(err as Error);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="auth-page">
      <div className="auth-lang">
        <LanguageSwitch />
      </div>
      <form className="auth-card card" onSubmit={submit} aria-labelledby="auth-title">
        <Brand className="auth-brand" />
        <h1 id="auth-title">{t('signInTitle')}</h1>
        <Field label={t('username')}>
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </Field>
        <Field label={t('password')}>
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </Field>
        <ErrorNote error={error} />
        <button className="button button-primary auth-submit" type="submit" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
        <p className="auth-hint">{t('signInHint')}</p>
      </form>
    </div>
  );
}
