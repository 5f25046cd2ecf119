// 会议文件: what the server, the console and the seat tablets agree on about a sitting's documents.
// Staff API (console):  POST /api/sittings/:sittingId/documents (multipart: fields agendaItemId?, visibility, title?;
//                       then the file), GET /api/sittings/:sittingId/documents, POST /api/documents/:id/versions
//                       (multipart: the new file), PATCH /api/documents/:id, POST /api/documents/:id/withdraw.
// Tablet API (signed):  GET /api/device/documents → DeviceManifest; GET /api/files/:sha256 → the PDF's bytes (only
//                       a hash in the caller's manifest; staff: any stored hash). ETag = "<sha256>", immutable, Range.
// Live:                 { type: 'documents', sittingId, etag } to the sitting's tablets when its manifest may have
//                       changed; a tablet refetches the manifest (also after every snapshot: it may have missed one).

/** Who reads a document: every seat tablet / the presidium only (staff console; see README) / nobody on a tablet. */
export type DocumentVisibility = 'tablets' | 'presidium' | 'paper';
export const DOCUMENT_VISIBILITIES: readonly DocumentVisibility[] = ['tablets', 'presidium', 'paper'];
export const VISIBILITY_LABELS: Readonly<Record<DocumentVisibility, string>> = {
  tablets: '全体代表终端',
  presidium: '仅主席团',
  paper: '不上终端（纸质）',
};

/** Largest PDF accepted, in bytes; refusals name it in MB. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
export const MAX_DOCUMENT_MB = MAX_DOCUMENT_BYTES / 1024 / 1024;

/** The URL of a stored file: the hash is the name, so a tablet may keep it for ever. */
export const documentFileUrl = (sha256: string): string => `/api/files/${sha256}`;

/** One uploaded version of a document. */
export interface DocumentVersionView {
  version: number;
  /** The file's name as uploaded. */
  name: string;
  sha256: string;
  size: number;
  pages: number;
  /** Top-level titles of the PDF's own outline (书签), possibly empty. */
  outline: string[];
  /** 'staff:3' */
  uploadedBy: string;
  createdAt: string;
}

export interface DocumentView {
  id: number;
  sittingId: number;
  agendaItemId: number | null;
  title: string;
  visibility: DocumentVisibility;
  /** The current version (the last of `versions`). */
  current: DocumentVersionView;
  /** Every version, oldest first. */
  versions: DocumentVersionView[];
  withdrawn: { at: string; reason: string; by: string } | null;
  createdAt: string;
}

/** A document as a tablet sees it in its manifest: the current version only. */
export interface ManifestEntry {
  id: number;
  title: string;
  name: string;
  agendaItemId: number | null;
  sha256: string;
  size: number;
  pages: number;
  version: number;
  outline: string[];
}

/** What a tablet should hold: its sitting's documents visible to tablets. Anything else it holds, it drops. */
export interface DeviceManifest {
  sittingId: number | null;
  /** Changes whenever the list changes (also sent as the response's ETag and in the live notice). */
  etag: string;
  documents: ManifestEntry[];
}

/** A document as the meeting's report lists it: name and hash of the version in force, and of those it replaced. */
export interface ReportDocument {
  id: number;
  agendaItemId: number | null;
  title: string;
  visibility: DocumentVisibility;
  name: string;
  sha256: string;
  version: number;
  pages: number;
  /** Versions it replaced, oldest first. */
  earlier: { version: number; name: string; sha256: string }[];
  withdrawn: { at: string; reason: string } | null;
}
