// A one-time password, shown once in a dialog: the clerk reads it to its owner or writes it down; it is
// not kept anywhere in the console, and the server stores only its hash.
import { useI18n } from '../../i18n/I18n';
import { Modal } from '../../ui/Modal';

export function OneTimePassword({ username, password, onClose }: { username: string; password: string; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal title={t('otpTitle', { name: username })} onClose={onClose}>
      <div className="modal-body">
        <p>{t('otpIntro')}</p>
        <p className="otp" data-testid="one-time-password">
          {password}
        </p>
        <p className="muted">{t('otpOnce')}</p>
        <div className="modal-actions">
          <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(password)}>
            {t('otpCopy')}
          </button>
          <button type="button" className="button button-primary" onClick={onClose}>
            {t('otpDone')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
