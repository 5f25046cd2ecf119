// npx tsx tests/bench/secure-delete.ts [--rounds 7]
// What PRAGMA secure_delete costs the ballot path, measured where it acts: the real writer (Database, group commit,
// synchronous=FULL) storing a secret vote of 3,000 ballots and 600 changes in batches of 40 as the ballot path does
// (insertCasts), then the close's rewrite in key order (rewriteSecretVote). Rounds alternate ON and OFF on fresh files,
// so a machine shared with other work slows both alike. Prints the median of each and the ratio.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { insertCasts, rewriteSecretVote, type CastRow } from '../../server/repositories/ballots-repository';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '7' } } });
const DEPUTIES = 3000;
const CHANGES = 600;
const BATCH = 40;

async function once(secureDelete: boolean): Promise<{ castMs: number; closeMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-secure-delete-'));
  const db = await Database.open(join(dir, 'q.db'));
  await migrate(db);
  await db.betweenBatches((ops) => ops.exec(`PRAGMA secure_delete = ${secureDelete ? 'ON' : 'OFF'}; PRAGMA foreign_keys = OFF;`));
  await db.write((tx) => tx.run("INSERT INTO votes (id, agenda_item_id, sitting_id, kind, title, secrecy, change_policy, pass_rule, state, created_at) VALUES (1, 1, 1, 'resolution', 'b', 'secret', 'last', '{}', 'open', '')"));
  const marks = ['yes', 'no', 'abstain'] as const;
  const casts: CastRow[] = [];
  const secrets = Array.from({ length: DEPUTIES }, () => randomBytes(16).toString('hex'));
  const row = (d: number, outcome: CastRow['outcome']): CastRow => ({
    voteId: 1,
    ballotKey: createHash('sha256').update(`1:${secrets[d]}`).digest('hex'),
    ballotDeputyId: null,
    deputyId: d + 1,
    deviceId: null,
    clientId: randomBytes(16).toString('hex'),
    content: { marks: { '1': marks[Math.floor(Math.random() * 3)]! } },
    outcome,
  });
  for (let d = 0; d < DEPUTIES; d++) casts.push(row(d, 'recorded'));
  for (let i = 0; i < CHANGES; i++) casts.splice(DEPUTIES / 2 + Math.floor(Math.random() * DEPUTIES / 2), 0, row(i * 5, 'changed'));
  const t0 = performance.now();
  // One commit (and fsync) per batch, as under a burst.
  for (let i = 0; i < casts.length; i += BATCH) await db.write((tx) => insertCasts(tx, casts.slice(i, i + BATCH)));
  const t1 = performance.now();
  await db.write((tx) => rewriteSecretVote(tx, 1));
  const t2 = performance.now();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  return { castMs: t1 - t0, closeMs: t2 - t1 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const on: Array<{ castMs: number; closeMs: number }> = [];
const off: typeof on = [];
for (let r = 0; r < Number(values.rounds); r++) {
  off.push(await once(false));
  on.push(await once(true));
}
const fmt = (xs: typeof on, k: 'castMs' | 'closeMs') => `median ${median(xs.map((x) => x[k])).toFixed(0)} ms (${xs.map((x) => x[k].toFixed(0)).join(', ')})`;
console.log(`${DEPUTIES} ballots + ${CHANGES} changes in batches of ${BATCH}, ${values.rounds} rounds each`);
console.log(`  cast  secure_delete OFF ${fmt(off, 'castMs')}`);
console.log(`  cast  secure_delete ON  ${fmt(on, 'castMs')}`);
console.log(`  close rewrite OFF ${fmt(off, 'closeMs')}`);
console.log(`  close rewrite ON  ${fmt(on, 'closeMs')}`);
console.log(JSON.stringify({ castRatio: +(median(on.map((x) => x.castMs)) / median(off.map((x) => x.castMs))).toFixed(2), closeRatio: +(median(on.map((x) => x.closeMs)) / median(off.map((x) => x.closeMs))).toFixed(2) }));
