// Upload a new document to the sitting: the PDF, an optional title, its agenda item and who reads it.
import { useState, type FormEvent } from 'react';
import { DOCUMENT_VISIBILITIES, MAX_DOCUMENT_MB, type DocumentVisibility } from '../../../../shared/documents';
import type { AgendaItemView } from '../../../../shared/views';
import { newDocumentUrl } from '../../api/documents';
import { useI18n } from '../../i18n/I18n';
import { FilePicker } from '../../ui/FilePicker';
import { ErrorNote, Field } from '../../ui/kit';
import { UploadProgress } from './UploadProgress';
import { useUpload } from './use-upload';
import { useVisibilityLabel } from './visibility';

export function UploadForm({ sittingId, agenda, onUploaded }: { sittingId: number; agenda: AgendaItemView[]; onUploaded(): void }) {
  const { t } = useI18n();
  const label = useVisibilityLabel();
  const upload = useUpload();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [item, setItem] = useState('');
  const [visibility, setVisibility] = useState<DocumentVisibility>('tablets');
  const [done, setDone] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!file) return setMissing(true);
    const fields: Record<string, string> = { visibility, ...(item ? { agendaItemId: item } : {}), ...(title.trim() ? { title: title.trim() } : {}) };
    const doc = await upload.send(newDocumentUrl(sittingId), file, fields);
    if (!doc) return;
    setDone(doc.current.name);
    setFile(null);
    setTitle('');
    onUploaded();
  };
  return (
    <form onSubmit={submit} className="doc-upload" data-testid="document-upload">
      <FilePicker label={t('docsFile')} hint={t('docsFileHint', { mb: MAX_DOCUMENT_MB })} name="document" accept="application/pdf,.pdf" file={file} onChange={(f) => (setFile(f), setMissing(false))} />
      <Field label={t('docsTitleField')}>
        <input name="title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label={t('docsItem')}>
        <select name="agendaItemId" value={item} onChange={(e) => setItem(e.target.value)}>
          <option value="">{t('docsWholeSitting')}</option>
          {agenda.map((a) => (
            <option key={a.id} value={String(a.id)}>
              {a.title}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('docsVisibility')}>
        <select name="visibility" value={visibility} onChange={(e) => setVisibility(e.target.value as DocumentVisibility)}>
          {DOCUMENT_VISIBILITIES.map((v) => (
            <option key={v} value={v}>
              {label(v)}
            </option>
          ))}
        </select>
      </Field>
      <button className="button button-primary" type="submit" disabled={upload.progress !== null}>
        {t('docsUpload')}
      </button>
      <UploadProgress fraction={upload.progress} />
      {missing && <ErrorNote error={t('docsChooseFile')} />}
      <ErrorNote error={upload.error} />
      {done && <p className="note-good">{t('docsUploaded', { name: done })}</p>}
    </form>
  );
}
