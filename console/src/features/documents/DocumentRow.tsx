// One document: its current version, who reads it (changed in place), replace with progress, withdraw with a
// reason, and the versions it has had.
import { useRef, useState } from 'react';
import { DOCUMENT_VISIBILITIES, documentFileUrl, type DocumentView, type DocumentVisibility } from '../../../../shared/documents';
import { newVersionUrl, updateDocument, withdrawDocument } from '../../api/documents';
import { useI18n } from '../../i18n/I18n';
import { Badge, ErrorNote } from '../../ui/kit';
import { ReasonDialog } from '../../ui/Modal';
import { formatDateTime } from '../../ui/format';
import { UploadProgress } from './UploadProgress';
import { useUpload } from './use-upload';
import { formatSize, useVisibilityLabel } from './visibility';

function Versions({ doc }: { doc: DocumentView }) {
  const { t } = useI18n();
  return (
    <details className="doc-versions">
      <summary>{t('docsVersions', { n: doc.versions.length })}</summary>
      <ol>
        {[...doc.versions].reverse().map((v) => (
          <li key={v.version}>
            <strong>{t('docsVersion', { n: v.version })}</strong> {v.name} · {t('docsPages', { n: v.pages })} · {formatSize(v.size)} · {formatDateTime(v.createdAt)}
            <code className="hash">{v.sha256}</code>
          </li>
        ))}
      </ol>
    </details>
  );
}

export function DocumentRow({ doc, agendaTitle, editable, onChanged }: { doc: DocumentView; agendaTitle: string; editable: boolean; onChanged(): void }) {
  const { t } = useI18n();
  const label = useVisibilityLabel();
  const upload = useUpload();
  const picker = useRef<HTMLInputElement>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const live = editable && !doc.withdrawn;
  const setVisibility = async (visibility: DocumentVisibility) => {
    setError(null);
    await updateDocument(doc.id, { visibility }).then(onChanged, (e: Error) => setError(e));
  };
  const replace = async (file: File | undefined) => {
    if (file && (await upload.send(newVersionUrl(doc.id), file))) onChanged();
    if (picker.current) picker.current.value = '';
  };
  return (
    <li className={`doc-row ${doc.withdrawn ? 'row-muted' : ''}`} data-testid="document-row">
      <div className="doc-main">
        <a className="doc-title" href={documentFileUrl(doc.current.sha256)} target="_blank" rel="noreferrer">
          {doc.title}
        </a>
        <span className="doc-meta">
          {doc.current.name} · {t('docsVersion', { n: doc.current.version })} · {t('docsPages', { n: doc.current.pages })} · {formatSize(doc.current.size)} · {agendaTitle}
        </span>
        {doc.withdrawn && <Badge tone="bad">{t('docsWithdrawn', { reason: doc.withdrawn.reason })}</Badge>}
      </div>
      <div className="doc-actions">
        {live ? (
          <select aria-label={t('docsVisibility')} value={doc.visibility} onChange={(e) => void setVisibility(e.target.value as DocumentVisibility)}>
            {DOCUMENT_VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {label(v)}
              </option>
            ))}
          </select>
        ) : (
          <Badge>{label(doc.visibility)}</Badge>
        )}
        {live && (
          <>
            <input ref={picker} type="file" accept="application/pdf,.pdf" hidden onChange={(e) => void replace(e.target.files?.[0])} />
            <button className="button button-small" type="button" disabled={upload.progress !== null} onClick={() => picker.current?.click()}>
              {t('docsReplace')}
            </button>
            <button className="button button-small button-danger" type="button" onClick={() => setWithdrawing(true)}>
              {t('docsWithdraw')}
            </button>
          </>
        )}
      </div>
      <UploadProgress fraction={upload.progress} />
      <ErrorNote error={upload.error ?? error} />
      <Versions doc={doc} />
      {withdrawing && (
        <ReasonDialog
          title={t('docsWithdrawTitle', { title: doc.title })}
          intro={t('docsWithdrawIntro')}
          label={t('docsWithdrawReason')}
          confirm={t('docsWithdraw')}
          danger
          onConfirm={async (reason) => {
            await withdrawDocument(doc.id, reason);
            onChanged();
          }}
          onClose={() => setWithdrawing(false)}
        />
      )}
    </li>
  );
}
