// What covering face_descriptors in the audit chain costs (issue 22): 3,000 deputies' enrollment rows written as an
// import writes them (one write per deputy: descriptor 512 × float32, aligned crop ~4 KB, copy patch 1 KB), with
// the capture triggers of face_descriptors in place and with them dropped; then audit:verify over the file.
// Run: npx tsx tests/bench/audit-face-coverage.ts [deputies]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/app';
import { verifyFile } from '../../server/audit/verify';
import { insertDescriptor } from '../../server/repositories/faces-repository';

const N = Number(process.argv[2] ?? 3000);

async function run(covered: boolean): Promise<{ writeMs: number; verifyMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-bench-cover-'));
  const dbPath = join(dir, 'quorum.db');
  const app = await buildApp({ dbPath });
  const db = app.ctx.db;
  if (!covered) {
    await db.betweenBatches((ops) => ops.exec(['insert', 'update', 'delete'].map((k) => `DROP TRIGGER temp.audit_face_descriptors_${k};`).join('')));
  }
  const ids = await db.write(async (tx) => {
    const { lastID: body } = await tx.run("INSERT INTO bodies (name, rules, created_at) VALUES ('b', '{}', '')");
    const out: number[] = [];
    for (let i = 0; i < N; i++) out.push((await tx.run("INSERT INTO deputies (body_id, name, card_no, created_at) VALUES (?, ?, ?, '')", [body, `代表${i}`, `C${i}`])).lastID);
    return out;
  });
  const rows = ids.map((deputyId) => ({ deputyId, descriptor: Float32Array.from({ length: 512 }, Math.random), aligned: randomBytes(4000), copyPatch: randomBytes(1024) }));
  const started = performance.now();
  await Promise.all(rows.map((r) => db.write((tx) => insertDescriptor(tx, { ...r, model: 'arcface', source: 'p.jpg', score: 1 }))));
  const writeMs = performance.now() - started;
  await app.close();
  const v0 = performance.now();
  const report = await verifyFile(dbPath);
  const verifyMs = performance.now() - v0;
  if (covered && !report.ok) throw new Error(`verify failed: ${report.problem?.message}`);
  rmSync(dir, { recursive: true, force: true });
  return { writeMs, verifyMs };
}

for (const covered of [false, true, false, true]) {
  const r = await run(covered);
  console.log(`${covered ? 'covered    ' : 'not covered'}: ${N} deputies' enrollment rows written in ${r.writeMs.toFixed(0)} ms (${(r.writeMs / N).toFixed(2)} ms each); audit:verify ${r.verifyMs.toFixed(0)} ms`);
}
