// The seat tablet's document manifest (GET /api/device/documents, signed): the documents of its sitting it may
// read, each by content hash. Fetched when the tablet is paired, when the server says documents changed, and now
// and then; any refusal but a busy server (429/503) means the tablet may hold none.
import { api, ApiError } from '../../api/client';

export interface DocEntry {
  id: number;
  title: string;
  name: string;
  agendaItemId: number | null;
  sha256: string;
  size: number;
  pages: number;
  version: number;
}

export interface DocManifest {
  version: number;
  documents: DocEntry[];
}

export type ManifestAnswer = { kind: 'manifest'; manifest: DocManifest } | { kind: 'none' } | { kind: 'unreachable' };

export async function fetchManifest(): Promise<ManifestAnswer> {
  try {
    const { body } = await api<DocManifest>('GET', '/api/device/documents');
    return { kind: 'manifest', manifest: body };
  } catch (err) {
    if (err instanceof ApiError && err.status >= 400 && err.status < 500 && err.status !== 429) return { kind: 'none' };
    return { kind: 'unreachable' };
  }
}
