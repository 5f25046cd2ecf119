// Folds the WAL into the main file and truncates it to zero bytes. Why: the WAL keeps every committed page image in
// commit order, so while it lasts a secret vote's ballots can be replayed cast by cast, and erased face data read
// back. A reader holding an older snapshot (a long report, audit:verify beside the server) makes the checkpoint
// answer busy: each try waits for readers only briefly (the writer is held meanwhile), then lets writes run and
// tries again, until the bound.
import type { Database } from './database';

const TRY_WAIT_MS = 200;
const BETWEEN_TRIES_MS = 100;
/** How long readers are waited out, in all, before the caller is told the WAL could not be truncated. */
export const TRUNCATE_BOUND_MS = 5000;

/** `tryWaitMs`: how long one try holds the writer waiting for readers (a background retry holds it less). */
export async function truncateWal(db: Database, boundMs = TRUNCATE_BOUND_MS, tryWaitMs = TRY_WAIT_MS): Promise<boolean> {
  const until = Date.now() + boundMs;
  for (;;) {
    if (db.isClosed) return false;
    const row = await db.betweenBatches(async (ops) => {
      await ops.exec(`PRAGMA busy_timeout = ${tryWaitMs}`);
      try {
        return await ops.get<{ busy: number }>('PRAGMA wal_checkpoint(TRUNCATE)');
      } catch {
        return { busy: 1 };
      } finally {
        await ops.exec('PRAGMA busy_timeout = 5000');
      }
    });
    if (row?.busy === 0) return true;
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, BETWEEN_TRIES_MS));
  }
}
