// The data folder holds the voter-token key, password hashes, face descriptors, evidence photos and ballots: only
// the account running the server may read it. It is made 0700 and every file in it 0600 (the database first, so
// SQLite gives its -wal and -shm the same mode); a folder or file found looser is reported at start.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Creates the folder (0700) if missing; answers a warning per folder or file others may read or write. */
export function prepareDataDir(dir: string): string[] {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  return looserThanPrivate(dir);
}

/** Creates an empty database file 0600 if there is none (SQLite then makes its -wal and -shm 0600 too). */
export function createPrivateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', FILE_MODE));
}

function looserThanPrivate(dir: string): string[] {
  const warnings: string[] = [];
  const walk = (path: string) => {
    const st = statSync(path);
    if (st.mode & 0o077) {
      const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
      const kind = st.isDirectory() ? '文件夹 / folder' : '文件 / file';
      warnings.push(`${kind} ${path} 权限为 ${mode}，其他用户可读取；请改为 ${st.isDirectory() ? '700' : '600'} / is mode ${mode}, readable by others: make it ${st.isDirectory() ? '700' : '600'}`);
    }
    if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return warnings;
}
