// audit:verify on a file whose votes were closed by earlier versions of the rules. Before 2279a4b a result's 未按
// was inOffice − cast and it had no 请假/缺席; before 7949da2 a run-off's Chinese reason had half-width commas.
// verify recomputes with today's rules, and used to flag those votes as tampered. Here the server closes votes
// while the rules are swapped for copies of the old code (below, written out from those commits, not derived from
// server/audit/result-rules.ts), so the file holds what an old server wrote, audit chain and row log included.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/app';
import { openReadOnly } from '../../server/audit/read-only';
import { verifyFile } from '../../server/audit/verify';
import type { Headcount, Mark } from '../../shared/types';
import type { VoteView } from '../../shared/views';
import { call, signIn } from '../helpers/app';
import { checkIn, createVote, seedSitting } from '../helpers/fixtures';
import { seatVoters } from '../helpers/voting';
import { tamperedCopy } from '../helpers/tampered-copy';

type Rules = 'today' | 'before-7949da2' | 'before-2279a4b';
const rules = vi.hoisted(() => ({ version: 'today' as Rules }));

vi.mock('../../shared/rules/turnout', async (importOriginal) => {
  const today = await importOriginal<typeof import('../../shared/rules/turnout')>();
  // commonOf before 2279a4b: { cast, notVoted: Math.max(0, head.inOffice - cast), inOffice, present }.
  const before = (head: Headcount, cast: number) => ({ cast, notVoted: Math.max(0, head.inOffice - cast), inOffice: head.inOffice, present: head.present });
  return { ...today, turnoutOf: (head: Headcount, cast: number) => (rules.version === 'before-2279a4b' ? before(head, cast) : today.turnoutOf(head, cast)) };
});

vi.mock('../../shared/rules/tally-project', async (importOriginal) => {
  const today = await importOriginal<typeof import('../../shared/rules/tally-project')>();
  return {
    ...today,
    tallyProject: (...args: Parameters<typeof today.tallyProject>) => {
      const r = today.tallyProject(...args);
      if (rules.version === 'today' || !r.runOff) return r;
      const { optionIds, votes, places } = r.runOff;
      // The reason's template before 7949da2.
      const reason = `${optionIds.length} 个项目均获 ${votes} 票赞成,并列争取最后 ${places} 个名额,须再次票决 / ${optionIds.length} projects tie at ${votes} yes for the last ${places} place(s): a run-off is needed`;
      return { ...r, runOff: { ...r.runOff, reason } };
    },
  };
});

let dir: string;
let dbPath: string;
const closed = new Map<Rules, { resolution: VoteView; project: VoteView }>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quorum-audit-old-'));
  dbPath = join(dir, 'quorum.db');
  const app = await buildApp({ dbPath });
  await signIn(app, 'admin', 'test-admin', true);
  // 15 in office, 12 checked in, 1 on leave, 2 absent: 未按 differs between the versions (inOffice − cast before 2279a4b, present − cast after).
  const s = await seedSitting(app, 15);
  const present = s.deputyIds.slice(0, 12);
  await checkIn(app, s, present);
  await call(app, 'POST', `/api/sittings/${s.sittingId}/leaves`, { participantId: s.participantOf.get(s.deputyIds[12]!), reason: '因病请假' }, 201);
  const voters = await seatVoters(app, s);
  for (const version of ['before-2279a4b', 'before-7949da2', 'today'] as const) {
    const resolution = await createVote(app, s, { kind: 'resolution', title: `决议（${version}）`, secrecy: 'open' });
    const project = await createVote(app, s, {
      kind: 'project', title: `民生实事项目（${version}）`, secrecy: 'open', maxYes: 2,
      options: [{ label: '老旧小区改造' }, { label: '农村公路' }, { label: '养老服务中心' }],
    });
    for (const v of [resolution, project]) await call(app, 'POST', `/api/votes/${v.id}/open`, {}, 200);
    const [a, b, c] = project.options.map((o) => String(o.id));
    // Three projects at 8 赞成 each (8 of 15 is more than half) for 2 places: a run-off, with its reason.
    const pairs: Record<string, Mark>[] = [{ [a!]: 'yes', [b!]: 'yes', [c!]: 'no' }, { [a!]: 'yes', [b!]: 'no', [c!]: 'yes' }, { [a!]: 'no', [b!]: 'yes', [c!]: 'yes' }];
    for (const [i, d] of present.entries()) {
      if (i < 10) expect((await voters.cast(resolution.id, d, { marks: { [resolution.options[0]!.id]: i < 8 ? 'yes' : 'no' } })).status).toBe(201);
      expect((await voters.cast(project.id, d, { marks: pairs[i % 3]! })).status).toBe(201);
    }
    rules.version = version;
    for (const v of [resolution, project]) await call(app, 'POST', `/api/votes/${v.id}/close`, undefined, 200);
    rules.version = 'today';
    closed.set(version, { resolution, project });
  }
  await app.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));


async function storedResult(voteId: number): Promise<Record<string, unknown>> {
  const db = await openReadOnly(dbPath);
  try {
    const row = await db.get<{ result: string }>('SELECT result FROM votes WHERE id = ?', [voteId]);
    return JSON.parse(row!.result) as Record<string, unknown>;
  } finally {
    await db.close();
  }
}


describe('audit:verify across rules versions', () => {
  it('the file holds results in each version’s form', async () => {
    const old = await storedResult(closed.get('before-2279a4b')!.resolution.id);
    expect(old).toMatchObject({ inOffice: 15, present: 12, cast: 10, notVoted: 5 });
    expect(old).not.toHaveProperty('absent');
    expect(await storedResult(closed.get('today')!.resolution.id)).toMatchObject({ notVoted: 2, onLeave: 1, absent: 2 });
    const between = (await storedResult(closed.get('before-7949da2')!.project.id)).runOff as { reason: string };
    expect(between.reason).toContain('票赞成,并列');
    expect((await storedResult(closed.get('today')!.project.id)).runOff).toMatchObject({ reason: expect.stringContaining('票赞成，并列') });
  });

  it('passes on votes closed by earlier rules', async () => {
    expect(await verifyFile(dbPath)).toMatchObject({ ok: true, problem: null, votesChecked: 6 });
  });

  it("still catches an old result's 未按 edited to today's figure (a form no version of the rules wrote)", async () => {
    const id = closed.get('before-2279a4b')!.resolution.id;
    const r = await verifyFile(await tamperedCopy(dbPath, `UPDATE votes SET result = replace(result, '"notVoted":5', '"notVoted":2') WHERE id = ${id}`));
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ voteId: id, action: 'vote.close', message: expect.stringMatching(/recomputed from the stored ballots/) });
  });

  it("still catches an old result's 赞成 count edited", async () => {
    const id = closed.get('before-2279a4b')!.resolution.id;
    const r = await verifyFile(await tamperedCopy(dbPath, `UPDATE votes SET result = replace(result, '"yes":8', '"yes":9') WHERE id = ${id}`));
    expect(r.problem).toMatchObject({ voteId: id, action: 'vote.close', message: expect.stringMatching(/recomputed from the stored ballots/) });
  });
});
