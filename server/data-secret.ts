// The server's own secret, kept beside the database in a file only the server's account may read (0600), never in
// the database: someone who reads or edits the database file alone can neither sign a voter token nor forge the
// audit chain's anchor (audit/anchor.ts). Keys are derived from it per purpose, so one never serves two uses.
// What remains: whoever holds both files, or runs code as the server's account, holds the keys (README "Trust").
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { FILE_MODE } from './data-dir';

/** The secret's file beside the database `quorum.db` → `quorum.db-secret` (as SQLite names its -wal and -shm). */
export const secretPathOf = (dbPath: string): string => `${dbPath}-secret`;

const inMemory = new Map<string, Buffer>();

/** The secret of this database; made (32 random bytes, 0600) on first use. `:memory:` keeps one per process. */
export function dataSecret(dbPath: string): Buffer {
  if (dbPath === ':memory:') {
    if (!inMemory.has(dbPath)) inMemory.set(dbPath, randomBytes(32));
    return inMemory.get(dbPath)!;
  }
  const path = secretPathOf(dbPath);
  if (!existsSync(path)) {
    writeFileSync(`${path}.tmp`, randomBytes(32).toString('hex'), { mode: FILE_MODE });
    renameSync(`${path}.tmp`, path);
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
}

/** The secret if its file exists (verification never makes one). */
export function existingSecret(dbPath: string): Buffer | null {
  const path = secretPathOf(dbPath);
  return existsSync(path) ? Buffer.from(readFileSync(path, 'utf8').trim(), 'hex') : null;
}

/** A key for one purpose ('voter-token', 'audit-anchor'), derived from the secret. */
export const deriveKey = (secret: Buffer, purpose: string): Buffer => createHmac('sha256', secret).update(purpose).digest();
