// Audit verification, pure over a database reader: walks the hash chain from GENESIS_HASH, then checks every
// vote against its ballots and the log (see vote-checks.ts). Names the first thing wrong.
//
// What it can and cannot show: editing, removing or inserting an entry breaks the chain; editing a ballot,
// a participation row, a cast request or a stored result breaks a count or a recomputed tally. Someone
// with the file who rewrites the log from an entry on AND recomputes every hash after it makes a chain
// that holds on its own: only a head printed earlier (results sheets carry it) shows that — pass it as
// expectHead and verification checks the chain still contains it.
//
// A cut of the log's tail (whole entries removed from the end) leaves a chain that holds: the anchor beside the file
// (anchor.ts), written by the server after each commit, says how far the log went.
//
// Then the covered tables (who may vote, who was present, who may act: audit/covered.ts) must hold exactly the
// rows the log's row hashes say, and each closed vote the voters the log recorded at close.
import type { Reader } from '../repositories/rows';
import { walkChain } from './chain';
import type { AuditProblem } from './problem';
import { checkVote } from './vote-checks';
import { checkCoveredTables } from './row-checks';
import { openReadOnly } from './read-only';
import { anchorProblem, readAnchor } from './anchor';
import { checkDocumentFiles } from './document-files';
import { dirname, join } from 'node:path';

export interface VerifyReport {
  ok: boolean;
  /** Audit entries walked (up to the first problem in the chain). */
  entries: number;
  /** Hash of the last entry (GENESIS_HASH for an empty log). Meaningful when ok. */
  head: string;
  votesChecked: number;
  problem: AuditProblem | null;
}

export interface VerifyOptions {
  /** A chain head printed earlier (e.g. on a results sheet): the chain must still contain it. */
  expectHead?: string;
  /** The database's path and its anchor file as read before the snapshot (anchor.ts): the log must reach it. */
  anchor?: { dbPath: string; read: ReturnType<typeof readAnchor> };
  /** The folder of the 会议文件 store: each stored version's file must hash to what the log holds. */
  documentsDir?: string;
}

export async function verifyAudit(db: Reader, options: VerifyOptions = {}): Promise<VerifyReport> {
  const walk = await walkChain(db);
  const report = (problem: AuditProblem | null, votesChecked = 0): VerifyReport => ({
    ok: problem === null,
    entries: walk.entries,
    head: walk.head,
    votesChecked,
    problem,
  });
  if (walk.problem) return report(walk.problem);
  if (options.expectHead && !walk.seen(options.expectHead.toLowerCase())) {
    return report({
      entryId: null,
      action: null,
      message: `no entry has the expected hash ${options.expectHead}: the log was rewritten or cut after it`,
    });
  }
  const cut = options.anchor ? await anchorProblem(db, options.anchor.dbPath, options.anchor.read) : null;
  if (cut) return report(cut);
  const voteIds = (await db.all<{ id: number }>('SELECT id FROM votes ORDER BY id')).map((r) => r.id);
  for (const [i, id] of voteIds.entries()) {
    const problem = await checkVote(db, id, walk.trails.get(id));
    if (problem) return report(problem, i);
  }
  const rowProblem = await checkCoveredTables(db, walk.rows);
  if (rowProblem || !options.documentsDir) return report(rowProblem, voteIds.length);
  return report(await checkDocumentFiles(db, options.documentsDir), voteIds.length);
}

/** Verifies a database file, opened read-only, in one snapshot (what `npm run audit:verify` runs). */
export async function verifyFile(path: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const anchor = { dbPath: path, read: readAnchor(path) }; // before the snapshot: the server writes it after each commit
  const db = await openReadOnly(path);
  try {
    await db.exec('BEGIN'); // one snapshot for the whole walk
    const report = await verifyAudit(db, { anchor, documentsDir: join(dirname(path), 'documents'), ...options });
    await db.exec('COMMIT');
    return report;
  } finally {
    await db.close();
  }
}
