// A modal dialog, the reason dialog used wherever the server requires a reason (人工补签, 请假, opening without
// quorum, cancelling a vote), and a yes/no dialog for a step that cannot be undone (closing a vote).
import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18n';
import { ErrorNote } from './kit';

export function Modal({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={title}>
        <header className="modal-head">
          <h2>{title}</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="关闭 / Close">
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}

export interface ReasonDialogProps {
  title: string;
  /** What is about to happen, shown above the reason box. */
  intro?: ReactNode;
  label: string;
  confirm: string;
  danger?: boolean;
  onConfirm(reason: string): Promise<void>;
  onClose(): void;
}

export function ReasonDialog({ title, intro, label, confirm, danger, onConfirm, onClose }: ReasonDialogProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError(new Error(t('reasonRequired')));
    setBusy(true);
    try {
      await onConfirm(reason.trim());
      onClose();
    } catch (err) {
      setError(err as Error);
      setBusy(false);
    }
  };
  return (
    <Modal title={title} onClose={onClose}>
      <form onSubmit={submit} className="modal-body">
        {intro && <div className="modal-intro">{intro}</div>}
        <label className="field">
          <span className="field-label">
            {label} <span className="required">*</span>
          </span>
          <textarea name="reason" rows={3} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
        </label>
        <ErrorNote error={error} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={busy}>
            {confirm}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export interface ConfirmDialogProps {
  title: string;
  /** What is about to happen and what cannot be undone. */
  children: ReactNode;
  confirm: string;
  onConfirm(): Promise<void>;
  onClose(): void;
}

export function ConfirmDialog({ title, children, confirm, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useI18n();
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(err as Error);
      setBusy(false);
    }
  };
  return (
    <Modal title={title} onClose={onClose}>
      <div className="modal-body">
        <div className="modal-intro">{children}</div>
        <ErrorNote error={error} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose} autoFocus>
            {t('cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void submit()}>
            {confirm}
          </button>
        </div>
      </div>
    </Modal>
  );
}
