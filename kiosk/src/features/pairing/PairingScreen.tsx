// A fresh tablet: its 6-digit code, large, and a QR code a clerk's phone or laptop can scan to open the console's
// tablet page with the code filled in (the clerk still names the tablet and sets its mode there).
import { useMemo } from 'react';
import qrcode from 'qrcode-generator';
import { useI18n } from '../../i18n';

/** The console's pairing page with this code, as a GIF data URL (made here: no network, no CDN). */
function pairingQr(code: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(`${location.origin}/console/#/devices?code=${code}`);
  qr.make();
  return qr.createDataURL(6, 4); // 4 modules of quiet zone, as scanners expect
}

export function PairingScreen({ code, revoked }: { code: string | null; revoked: boolean }) {
  const { t } = useI18n();
  const digits = (code ?? '······').split('');
  const qr = useMemo(() => (code ? pairingQr(code) : null), [code]);
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
      {qr && <img className="pair-qr" src={qr} alt={t('pairQr')} data-qr />}
      <p className="muted waiting-dots">{t('pairWaiting')}</p>
    </main>
  );
}
