// The seat tablet's document manifest (GET /api/device/documents, signed): the documents of its sitting it may
// read, each by content hash. Fetched when the tablet is paired, when the server says documents changed, and now
// and then; any refusal but a busy server (429/503) means the tablet may hold none.
import type { DeviceManifest as DocManifest } from '../../../../shared/documents';
import { api, ApiError } from '../../api/client';

export type { ManifestEntry as DocEntry, DeviceManifest as DocManifest } from '../../../../shared/documents';

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
