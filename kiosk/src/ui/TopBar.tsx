import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

export function TopBar({ title, subtitle, children }: { title: string; subtitle?: string | null; children?: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="topbar">
      <div className="brand">
        <span className="emblem" aria-hidden="true" />
        <div>
          <div className="topbar-title">{title}</div>
          {subtitle && <div className="topbar-sub">{subtitle}</div>}
        </div>
      </div>
      <div className="topbar-right">
        {children}
        <button type="button" className="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} lang={lang === 'zh' ? 'en' : 'zh-CN'}>
          {t('langSwitch')}
        </button>
      </div>
    </header>
  );
}

export function OfflineBanner({ show, retrying }: { show: boolean; retrying?: boolean }) {
  const { t } = useI18n();
  if (!show && !retrying) return null;
  return (
    <div className="banner offline" role="alert" data-banner="offline">
      <span className="banner-dot" aria-hidden="true" />
      {show ? t('offline') : t('retrying')}
    </div>
  );
}
