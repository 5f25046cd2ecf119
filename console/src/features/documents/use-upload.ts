// One upload at a time with its progress and refusal: checks the size before sending (the server checks again).
import { useState } from 'react';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_MB, type DocumentView } from '../../../../shared/documents';
import { uploadDocument } from '../../api/documents';
import { useI18n } from '../../i18n/I18n';

export interface Upload {
  /** Fraction sent (0–1) while uploading, else null. */
  progress: number | null;
  error: Error | null;
  send(url: string, file: File, fields?: Record<string, string>): Promise<DocumentView | null>;
}

export function useUpload(): Upload {
  const { t } = useI18n();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const send = async (url: string, file: File, fields: Record<string, string> = {}) => {
    setError(null);
    if (file.size > MAX_DOCUMENT_BYTES) {
      setError(new Error(t('docsTooLarge', { name: file.name, mb: MAX_DOCUMENT_MB })));
      return null;
    }
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v); // fields first: the server reads them as they come
    form.append('file', file, file.name);
    setProgress(0);
    try {
      return await uploadDocument(url, form, setProgress);
    } catch (err) {
      setError(err as Error);
      return null;
    } finally {
      setProgress(null);
    }
  };
  return { progress, error, send };
}
