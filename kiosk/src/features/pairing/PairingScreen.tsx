import { useI18n } from '../../i18n';

export function PairingScreen({ code, revoked }: { code: string | null; revoked: boolean }) {
  const { t } = useI18n();
  const digits = (code ?? '······').split('');
  return (
    <main className="screen center pairing" data-screen="pairing">
      {revoked && <p className="notice warn">{t('pairRevoked')}</p>}
      <h1 className="huge">{t('pairTitle')}</h1>
      <p className="lead">{t('pairHint')}</p>
      <div className="pair-code" aria-label={code ?? ''} data-code={code ?? ''}>
        {digits.map((d, i) => (
          <span key={i} className="pair-digit">
            {d}
          </span>
        ))}
      </div>
      <p className="muted waiting-dots">{t('pairWaiting')}</p>
    </main>
  );
}
