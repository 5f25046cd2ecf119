// 会议文件: list, change and withdraw over fetch; uploads over XMLHttpRequest, the one browser API that reports
// upload progress (fetch does not), with the server's refusal surfaced as the same ApiError as every request.
import type { DocumentView } from '../../../shared/documents';
import type { PatchDocument } from '../../../shared/schemas/documents';
import { ApiError, get, patch, post, SIGNED_OUT_EVENT } from './http';

export const listDocuments = (sittingId: number) => get<DocumentView[]>(`/api/sittings/${sittingId}/documents`);
export const updateDocument = (id: number, input: PatchDocument) => patch<DocumentView>(`/api/documents/${id}`, input);
export const withdrawDocument = (id: number, reason: string) => post<DocumentView>(`/api/documents/${id}/withdraw`, { reason });

/** Where an upload goes: a new document of the sitting, or a new version of a document. */
export const newDocumentUrl = (sittingId: number) => `/api/sittings/${sittingId}/documents`;
export const newVersionUrl = (documentId: number) => `/api/documents/${documentId}/versions`;

function failure(xhr: XMLHttpRequest): ApiError {
  if (xhr.status === 0) return new ApiError(0, 'ERR_NETWORK', '上传中断，无法连接服务器 / Upload interrupted: cannot reach the server');
  if (xhr.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  let err: { code?: string; message?: string } | undefined;
  try {
    err = (JSON.parse(xhr.responseText) as { error?: { code?: string; message?: string } }).error;
  } catch {
    /* not JSON */
  }
  return new ApiError(xhr.status, err?.code ?? 'ERR_HTTP', err?.message ?? `HTTP ${xhr.status}`);
}

/** Sends the form; `onProgress` gets the fraction sent (0–1) as the bytes leave. */
export function uploadDocument(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<DocumentView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve(JSON.parse(xhr.responseText) as DocumentView) : reject(failure(xhr)));
    xhr.onerror = () => reject(failure(xhr));
    xhr.send(form);
  });
}
