// 会议文件 and their versions (migration 0013_documents): the SQL of services/document-service.ts.
import type { DocumentVersionView, DocumentView, DocumentVisibility } from '../../shared/documents';
import type { Tx } from '../db/database';
import { now, type Reader } from './rows';

interface DocumentRow {
  id: number;
  sitting_id: number;
  agenda_item_id: number | null;
  title: string;
  visibility: DocumentVisibility;
  current_version: number;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
  withdrawn_by: string | null;
  created_at: string;
}

interface VersionRow {
  document_id: number;
  version: number;
  name: string;
  sha256: string;
  size: number;
  pages: number;
  outline: string;
  uploaded_by: string;
  created_at: string;
}

/** A stored file's facts, as the upload check found them. */
export interface StoredFile {
  name: string;
  sha256: string;
  size: number;
  pages: number;
  outline: string[];
}

const toVersion = (r: VersionRow): DocumentVersionView => ({
  version: r.version,
  name: r.name,
  sha256: r.sha256,
  size: r.size,
  pages: r.pages,
  outline: JSON.parse(r.outline) as string[],
  uploadedBy: r.uploaded_by,
  createdAt: r.created_at,
});

function toDocument(r: DocumentRow, versions: DocumentVersionView[]): DocumentView {
  return {
    id: r.id,
    sittingId: r.sitting_id,
    agendaItemId: r.agenda_item_id,
    title: r.title,
    visibility: r.visibility,
    current: versions.find((v) => v.version === r.current_version)!,
    versions,
    withdrawn: r.withdrawn_at ? { at: r.withdrawn_at, reason: r.withdraw_reason!, by: r.withdrawn_by ?? '' } : null,
    createdAt: r.created_at,
  };
}

async function withVersions(db: Reader, rows: DocumentRow[]): Promise<DocumentView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const versions = await db.all<VersionRow>(
    `SELECT * FROM document_versions WHERE document_id IN (${ids.map(() => '?').join(',')}) ORDER BY document_id, version`,
    ids,
  );
  return rows.map((r) => toDocument(r, versions.filter((v) => v.document_id === r.id).map(toVersion)));
}

export async function listSittingDocuments(db: Reader, sittingId: number): Promise<DocumentView[]> {
  const rows = await db.all<DocumentRow>('SELECT * FROM documents WHERE sitting_id = ? ORDER BY id', [sittingId]);
  return withVersions(db, rows);
}

export async function findDocument(db: Reader, id: number): Promise<DocumentView | undefined> {
  const row = await db.get<DocumentRow>('SELECT * FROM documents WHERE id = ?', [id]);
  return row ? (await withVersions(db, [row]))[0] : undefined;
}

/** The sitting an agenda item belongs to, or undefined for no such item. */
export async function agendaItemSitting(db: Reader, agendaItemId: number): Promise<number | undefined> {
  return (await db.get<{ sitting_id: number }>('SELECT sitting_id FROM agenda_items WHERE id = ?', [agendaItemId]))?.sitting_id;
}

export async function insertDocument(
  tx: Tx,
  d: { sittingId: number; agendaItemId: number | null; title: string; visibility: DocumentVisibility },
): Promise<number> {
  const { lastID } = await tx.run(
    'INSERT INTO documents (sitting_id, agenda_item_id, title, visibility, current_version, created_at) VALUES (?, ?, ?, ?, 0, ?)',
    [d.sittingId, d.agendaItemId, d.title, d.visibility, now()],
  );
  return lastID;
}

/** Adds the next version and makes it the current one; answers its number. */
export async function insertVersion(tx: Tx, documentId: number, file: StoredFile, uploadedBy: string): Promise<number> {
  const { next } = (await tx.get<{ next: number }>('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM document_versions WHERE document_id = ?', [documentId]))!;
  await tx.run(
    'INSERT INTO document_versions (document_id, version, name, sha256, size, pages, outline, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [documentId, next, file.name, file.sha256, file.size, file.pages, JSON.stringify(file.outline), uploadedBy, now()],
  );
  await tx.run('UPDATE documents SET current_version = ? WHERE id = ?', [next, documentId]);
  return next;
}

export async function updateDocument(
  tx: Tx,
  id: number,
  d: { title: string; visibility: DocumentVisibility; agendaItemId: number | null },
): Promise<void> {
  await tx.run('UPDATE documents SET title = ?, visibility = ?, agenda_item_id = ? WHERE id = ?', [d.title, d.visibility, d.agendaItemId, id]);
}

export async function withdrawDocument(tx: Tx, id: number, reason: string, by: string): Promise<void> {
  await tx.run('UPDATE documents SET withdrawn_at = ?, withdraw_reason = ?, withdrawn_by = ? WHERE id = ?', [now(), reason, by, id]);
}

/** Whether any version of any document of this sitting, visible to tablets and not withdrawn, is this file. */
export async function tabletMayRead(db: Reader, sittingId: number, sha256: string): Promise<boolean> {
  const row = await db.get(
    `SELECT 1 FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
      WHERE d.sitting_id = ? AND d.visibility = 'tablets' AND d.withdrawn_at IS NULL AND v.sha256 = ? LIMIT 1`,
    [sittingId, sha256],
  );
  return row !== undefined;
}

/** Whether any version of any document is this file (staff may read every stored version). */
export async function isStoredVersion(db: Reader, sha256: string): Promise<boolean> {
  return (await db.get('SELECT 1 FROM document_versions WHERE sha256 = ? LIMIT 1', [sha256])) !== undefined;
}

/** Every stored file's hash, for audit verification of the files on disk. */
export async function allVersionHashes(db: Reader): Promise<{ documentId: number; version: number; sha256: string }[]> {
  return db.all('SELECT document_id AS documentId, version, sha256 FROM document_versions ORDER BY id');
}
