// Hostile review, point 9: the database, its WAL and the evidence it holds were world-readable (0644 in a 0755
// folder) while holding the voter-token key, password hashes, face descriptors and ballots.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { prepareDataDir } from '../../server/data-dir';
import { call, signIn } from '../helpers/app';
import { checkIn, seedSitting } from '../helpers/fixtures';

const root = mkdtempSync(join(tmpdir(), 'quorum-modes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('file modes', () => {
  it('makes the data folder 0700', () => {
    const dir = join(root, 'data');
    prepareDataDir(dir);
    expect(modeOf(dir)).toBe(0o700);
  });

  it('makes the database, its WAL and SHM 0600 even under a permissive umask, evidence included', async () => {
    const dir = join(root, 'data');
    const dbPath = join(dir, 'quorum.db');
    const app = await buildApp({ dbPath });
    try {
      await signIn(app, 'admin', 'modes-admin', true);
      const s = await seedSitting(app, 3);
      await checkIn(app, s, s.deputyIds.slice(0, 1));
      await call(app, 'GET', '/api/bodies', undefined, 200);
      for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) expect([f, modeOf(f)]).toEqual([f, 0o600]);
    } finally {
      await app.close();
    }
  });

  it('reports a folder or file others may read', () => {
    const dir = join(root, 'loose');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'quorum.db'), '', { mode: 0o644 });
    chmodSync(join(dir, 'quorum.db'), 0o644);
    const warnings = prepareDataDir(dir);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/755/);
    expect(warnings[1]).toMatch(/quorum\.db 权限为 644/);
  });
});
