// A read-only connection to a Quorum file, as a repository Reader: for audit:verify and for tests and
// benchmarks that inspect a file the server wrote (beside a running server too: WAL lets readers in).
import sqlite3 from 'sqlite3';
import type { Database } from '../db/database';
import type { Params } from '../db/statement-types';

export type ReadOnlyDb = Pick<Database, 'get' | 'all'> & {
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
};

export function openReadOnly(path: string): Promise<ReadOnlyDb> {
  return new Promise((resolve, reject) => {
    const conn = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (err) => {
      if (err) return reject(err);
      resolve({
        get: <T>(sql: string, params: Params = []) =>
          new Promise<T | undefined>((res, rej) => conn.get(sql, params, (e: Error | null, row: T) => (e ? rej(e) : res(row)))),
        all: <T>(sql: string, params: Params = []) =>
          new Promise<T[]>((res, rej) => conn.all(sql, params, (e: Error | null, rows: T[]) => (e ? rej(e) : res(rows)))),
        exec: (sql) => new Promise<void>((res, rej) => conn.exec(sql, (e) => (e ? rej(e) : res()))),
        close: () => new Promise<void>((res) => conn.close(() => res())),
      });
    });
  });
}
