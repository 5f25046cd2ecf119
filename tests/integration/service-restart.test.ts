// Issue 22 point 1: "a venue server must come back by itself". The real server runs as server/deploy/quorum.service
// says (its ExecStart, WorkingDirectory, Environment=, Restart=always, RestartSec=), under tests/helpers/supervisor.ts
// doing what systemd does with those keys. Seat tablets hold live WebSockets (shared/live-client) and cast, change
// and change again; the server is killed with SIGKILL mid-vote; the supervisor starts it again; every tablet
// reconnects by itself, its unanswered casts are sent again, and every acknowledged ballot is in the count once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Mark } from '../../shared/types';
import { openReadOnly } from '../../server/audit/read-only';
import { renderUnit, ROOT } from '../../server/deploy/install-service';
import { JsonClient, signInClient } from '../bench/lib/http';
import { allShown, checkInAll, identifyAll, kioskLive, pairKiosks, type Kiosk } from '../bench/lib/kiosks';
import { prepare } from '../bench/lib/prepare';
import { freePort } from '../bench/lib/server-process';
import { readService, supervise, type Supervisor } from '../helpers/supervisor';

const DEPUTIES = 24;
const MARKS: Mark[] = ['yes', 'no', 'abstain'];
let dir = '';
let sup: Supervisor | null = null;
afterAll(async () => {
  await sup?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function healthy(port: number): Promise<void> {
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) return;
  }
  throw new Error('the server did not answer /api/health in 90 s');
}

/** A tablet's live client that counts how often it went live (a reconnect after the kill makes it 2). */
function connect(port: number, meetingId: number, k: Kiosk, lives: Map<number, number>, backAt: number[]): void {
  k.live = kioskLive(port, meetingId, k, (s) => {
    if (s !== 'live') return;
    lives.set(k.deputyId, (lives.get(k.deputyId) ?? 0) + 1);
    if (lives.get(k.deputyId) === 2) backAt.push(Date.now());
  });
}

describe('the server as a service', () => {
  it('comes back by itself after SIGKILL mid-vote; tablets reconnect; no acknowledged ballot lost or doubled', async () => {
    dir = mkdtempSync(join(tmpdir(), 'quorum-service-'));
    const prep = await prepare(dir, DEPUTIES);
    const spec = readService(renderUnit({ root: ROOT, node: process.execPath, user: userInfo().username, data: dir }));
    expect([spec.restart, spec.environment.QUORUM_DATA]).toEqual(['always', dir]);
    const port = await freePort();
    sup = supervise(spec, { PORT: String(port), HOST: '127.0.0.1', QUORUM_TLS: 'off', QUORUM_LOG: 'off' });
    await healthy(port);

    const staff = new JsonClient('127.0.0.1', port);
    await signInClient(staff, prep.clerk);
    const { kiosks } = await pairKiosks(staff, prep, 1);
    expect((await checkInAll(staff, prep, kiosks)).statuses.checked_in).toBe(DEPUTIES);
    identifyAll(prep, kiosks);
    const vote = (await staff.request<{ id: number; options: Array<{ id: number }> }>('POST', `/api/agenda/${prep.agendaItemId}/votes`, { kind: 'resolution', title: '重启测试议案', secrecy: 'open' })).body;
    expect((await staff.request('POST', `/api/votes/${vote.id}/open`, {})).status).toBe(200);
    const lives = new Map<number, number>();
    const backAt: number[] = [];
    for (const k of kiosks) connect(port, prep.meetingId, k, lives, backAt);
    await allShown(kiosks, vote.id);

    // Each tablet: cast, change, change again, a random pause before each; the kill comes after a third are answered.
    const acked: Array<{ deputyId: number; clientId: string; mark: Mark; outcome: string }> = [];
    const killAfter = Math.floor((DEPUTIES * 3) / 3);
    let killedPid = 0;
    let killedAt = 0;
    await Promise.all(
      kiosks.map(async (k, i) => {
        for (let step = 0; step < 3; step++) {
          await new Promise((r) => setTimeout(r, 200 + Math.random() * 1500));
          const clientId = randomUUID();
          const mark = MARKS[(i + step) % 3]!;
          const ballot = { clientId, voterToken: k.voterToken!, content: { marks: { [vote.options[0]!.id]: mark } } };
          const reply = await k.live!.cast(vote.id, ballot); // sent again by the client after a reconnect until answered
          acked.push({ deputyId: k.deputyId, clientId, mark, outcome: reply.outcome });
          if (acked.length >= killAfter && !killedPid && sup!.child) {
            killedPid = sup!.child.pid!;
            killedAt = Date.now();
            sup!.child.kill('SIGKILL');
          }
        }
      }),
    );
    for (const k of kiosks) k.live!.close();
    staff.close();

    console.log(`SIGKILL after ${killAfter} of ${DEPUTIES * 3} casts answered; every tablet live again ${Math.max(...backAt) - killedAt} ms after the kill`);
    expect(killedPid).toBeGreaterThan(0);
    expect(sup.restarts).toBe(1);
    expect(sup.child?.pid).not.toBe(killedPid);
    expect([...lives.values()].filter((n) => n >= 2)).toHaveLength(DEPUTIES); // every tablet reconnected by itself
    expect(acked).toHaveLength(DEPUTIES * 3);
    expect(acked.filter((a) => !['recorded', 'changed', 'duplicate'].includes(a.outcome))).toEqual([]);

    const after = new JsonClient('127.0.0.1', port);
    after.defaultHeaders = { cookie: (await signInClient(after, prep.clerk)) };
    const closed = await after.request<{ tally: Record<Mark, number> }>('POST', `/api/votes/${vote.id}/close`);
    after.close();
    expect(closed.status).toBe(200);
    const last = new Map(acked.map((a) => [a.deputyId, a.mark])); // each tablet's acknowledged casts came in order
    const expected = { yes: 0, no: 0, abstain: 0 };
    for (const mark of last.values()) expected[mark] += 1;
    expect({ yes: closed.body.tally.yes, no: closed.body.tally.no, abstain: closed.body.tally.abstain }).toEqual(expected);

    await sup.stop();
    const db = await openReadOnly(join(dir, 'quorum.db'));
    const stored = await db.all<{ client_id: string }>('SELECT client_id FROM cast_requests WHERE vote_id = ?', [vote.id]);
    const ballots = await db.all<{ deputy_id: number; n: number }>('SELECT deputy_id, COUNT(*) AS n FROM ballots WHERE vote_id = ? GROUP BY deputy_id', [vote.id]);
    await db.close();
    expect(stored.map((r) => r.client_id).sort()).toEqual(acked.map((a) => a.clientId).sort()); // each acknowledged cast once
    expect(ballots.filter((b) => b.n === 1)).toHaveLength(DEPUTIES);
  }, 300_000);
});
