// A copy of a database file with SQL applied to it by a plain sqlite3 connection, as someone holding the file would
// edit it (not through the server, so no audit capture sees it), with the secret and anchor files the server keeps beside it: what the audit tests verify against.
import { copyFileSync, existsSync } from 'node:fs';
import sqlite3 from 'sqlite3';

let copies = 0;

/** Copies `dbPath` beside itself, runs `sql` on the copy, answers the copy's path. The source must be closed. */
export async function tamperedCopy(dbPath: string, sql: string): Promise<string> {
  const copy = dbPath.replace(/\.db$/, '') + `-tampered-${++copies}.db`;
  copyFileSync(dbPath, copy);
  for (const side of ['-secret', '-anchor']) if (existsSync(dbPath + side)) copyFileSync(dbPath + side, copy + side); // the files the server keeps beside it
  const db = await new Promise<sqlite3.Database>((res, rej) => {
    const d = new sqlite3.Database(copy, sqlite3.OPEN_READWRITE, (e) => (e ? rej(e) : res(d)));
  });
  try {
    await new Promise<void>((res, rej) => db.exec(sql, (e) => (e ? rej(e) : res())));
  } finally {
    await new Promise<void>((res) => db.close(() => res()));
  }
  return copy;
}
