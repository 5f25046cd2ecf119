// Small key → JSON value settings that clerks may change at run time (e.g. evidence retention).
import type { Tx } from '../db/database';
import type { Reader } from './rows';

export async function getSetting<T>(db: Reader, key: string): Promise<T | undefined> {
  const row = await db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export async function setSetting(tx: Tx, key: string, value: unknown): Promise<void> {
  await tx.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
    key,
    JSON.stringify(value),
  ]);
}
