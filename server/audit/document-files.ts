// The files of 会议文件 against the log: every stored version's file must be on disk under its hash's name and hash
// to it. The hash itself is checked against the chain with the covered tables (document_versions, covered.ts), so
// a file swapped on disk, or swapped together with its row, is found; a file removed is found too.
import { join } from 'node:path';
import type { Reader } from '../repositories/rows';
import { allVersionHashes } from '../repositories/documents-repository';
import { DocumentStore } from '../services/document-store';
import type { AuditProblem } from './problem';

/** The first stored version whose file is missing or not the bytes its hash names, or null. */
export async function checkDocumentFiles(db: Reader, documentsDir: string): Promise<AuditProblem | null> {
  for (const v of await allVersionHashes(db)) {
    const found = await DocumentStore.hashOfFile(join(documentsDir, DocumentStore.relativePath(v.sha256)));
    if (found === v.sha256) continue;
    const what = found === null ? 'is missing' : `hashes to ${found}: the file was replaced or edited on disk`;
    return { entryId: null, action: null, message: `document ${v.documentId} version ${v.version}: its file ${v.sha256}.pdf ${what}` };
  }
  return null;
}
