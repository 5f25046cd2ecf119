// Small building blocks every screen uses: card, figure, badge, error note, form field.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18n';

export function Card({ title, actions, children, className = '' }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`card ${className}`}>
      {(title || actions) && (
        <header className="card-head">
          {title && <h2>{title}</h2>}
          {actions && <div className="card-actions">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}

export type Tone = 'good' | 'bad' | 'warn' | 'neutral' | 'info';

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function Figure({ label, value, tone = 'neutral', sub }: { label: string; value: ReactNode; tone?: Tone; sub?: ReactNode }) {
  return (
    <div className={`figure figure-${tone}`}>
      <div className="figure-label">{label}</div>
      <div className="figure-value">{value}</div>
      {sub && <div className="figure-sub">{sub}</div>}
    </div>
  );
}

/** The product mark and name, in the top bar and on the sign-in card. */
export function Brand({ className = '' }: { className?: string }) {
  const { t } = useI18n();
  return (
    <span className={`brand ${className}`}>
      <span className="brand-mark" aria-hidden="true">
        Q
      </span>
      <span className="brand-text">
        <strong>{t('appName')}</strong>
        <small>{t('appSub')}</small>
      </span>
    </span>
  );
}

/** Shows an error in the current language (server messages come as "中文 / English"). */
export function ErrorNote({ error }: { error: Error | string | null | undefined }) {
  const { server } = useI18n();
  if (!error) return null;
  return (
    <div className="error-note" role="alert">
      {server(typeof error === 'string' ? error : error.message)}
    </div>
  );
}

export function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <div className="loading">{t('loading')}</div>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}
