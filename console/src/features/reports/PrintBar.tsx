// The toolbar above a printable sheet (hidden when printing): print, and the server-made .xlsx.
import type { DictKey } from '../../i18n/dict';
import { useI18n } from '../../i18n/I18n';

export function PrintBar({ xlsx, back }: { xlsx?: string; back?: string }) {
  const { t } = useI18n();
  return (
    <div className="print-bar no-print">
      {back && (
        <a className="button button-ghost" href={back}>
          ← {t('back')}
        </a>
      )}
      <span className="spacer" />
      {xlsx && (
        <a className="button" href={xlsx} download data-testid="xlsx-link">
          {t('exportXlsx')}
        </a>
      )}
      <button type="button" className="button button-primary" onClick={() => window.print()}>
        {t('print')}
      </button>
    </div>
  );
}

/** The audit chain head printed on a sheet, so the sheet can be checked against the log. */
export function AuditHead({ hash, generatedAt }: { hash: string; generatedAt: string }) {
  const { t } = useI18n();
  return (
    <div className="audit-head">
      <div className="audit-label">{t('auditHead')}</div>
      <code data-testid="audit-head">{hash}</code>
      <div className="audit-note">{t('auditHeadNote', { time: generatedAt })}</div>
    </div>
  );
}

/** Who signs a sheet: a vote's sheet its tellers and scrutineers, the attendance sheet whoever kept and checked it. */
const SIGNERS = {
  vote: ['signTeller', 'signSupervisor', 'signChair'],
  attendance: ['signRecorder', 'signChecker', 'signChair'],
} as const satisfies Record<string, readonly DictKey[]>;

export function Signatures({ sheet }: { sheet: keyof typeof SIGNERS }) {
  const { t } = useI18n();
  return (
    <div className="signatures" data-testid="signatures">
      {SIGNERS[sheet].map((key) => (
        <span key={key}>{t(key)}</span>
      ))}
    </div>
  );
}
