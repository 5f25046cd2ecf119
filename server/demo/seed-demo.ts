// The demo a fresh start shows: a township congress whose roster is the people in ../shared/faces/
// (where that folder exists), a meeting with two sittings and a first agenda item with a draft vote.
// Runs only on an empty database, so restarting never duplicates it.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { ServiceContext } from '../services/context';
import { createBody, importRows } from '../services/roster-service';
import { createMeeting, addParticipant } from '../services/meeting-service';
import { addItem } from '../services/agenda-service';
import { createVote } from '../services/vote-service';
import { listBodies } from '../repositories/bodies-repository';
import { listDeputies } from '../repositories/deputies-repository';
import { enrollPhotos } from '../services/enrollment-service';
import { folderPhotos } from '../services/photo-source';

export const FACES_DIR = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'faces');
const NOT_PEOPLE = new Set(['strangers', 'no-face', 'spoof', 'multi']);
const DELEGATIONS = ['城关镇代表团', '东乡代表团', '西岭代表团', '南湖代表团'];

// Invented names: the photo folders are public figures, and a demo roster must not look like it lists them.
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'.split('');
const GIVEN = ['建华', '秀兰', '志强', '海燕', '国栋', '丽娟', '振宇', '春梅', '文博', '晓东', '玉珍', '明辉', '桂芳', '家豪', '淑贞', '立新', '红霞', '卫东', '雪梅', '永康', '思远', '慧敏', '德明', '雅琴', '宏伟', '静怡', '少华', '美玲', '长青', '佳宁'];

/** An invented Chinese name for the i-th demo deputy (distinct for the first 60). */
export const demoName = (i: number): string => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;

/** Photos enrolled per demo deputy; the rest of each folder stays for trying check-in. */
const DEMO_ENROLL_PHOTOS = ['1.jpg', '2.jpg'];

export function demoRosterRows(): Array<{ name: string; cardNo: string; delegation: string; photo?: string }> {
  const people = existsSync(FACES_DIR)
    ? readdirSync(FACES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory() && !NOT_PEOPLE.has(d.name)).map((d) => d.name).sort()
    : [];
  const rows = people.map((folder, i) => ({
    name: demoName(i),
    cardNo: `DB2026${String(i + 1).padStart(3, '0')}`,
    delegation: DELEGATIONS[i % DELEGATIONS.length]!,
    photo: folder,
  }));
  // Without the photo folder, a small roster of typical names so the demo still runs.
  if (rows.length === 0) {
    ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵敏', '黄磊', '周婷'].forEach((name, i) =>
      rows.push({ name, cardNo: `DB2026${String(i + 1).padStart(3, '0')}`, delegation: DELEGATIONS[i % 4]!, photo: '' }),
    );
  }
  return rows;
}

export async function seedDemo(ctx: ServiceContext, log: FastifyBaseLogger): Promise<void> {
  if ((await listBodies(ctx.db)).length > 0) return;
  const actor = 'system:demo';
  const body = await createBody(ctx, { name: '示范镇第八届人民代表大会' }, actor);
  const rows = demoRosterRows();
  const report = await importRows(ctx, body.id, rows.map(({ photo: _photo, ...r }) => r), actor);
  const meeting = await createMeeting(
    ctx,
    body.id,
    { name: '第二次会议', sittings: [{ name: '第一次全体会议' }, { name: '第二次全体会议' }] },
    actor,
  );
  await addParticipant(ctx, meeting.id, { role: 'observer', name: '镇人民政府 列席人员', organisation: '镇人民政府' }, actor);
  const item = await addItem(ctx, meeting.sittings[0]!.id, { title: '审议镇人民政府工作报告', kind: 'deliberation', presenter: '镇人民政府镇长' }, actor);
  await createVote(ctx, item.id, { kind: 'resolution', title: '关于镇人民政府工作报告的决议', secrecy: 'open' }, actor);
  log.info(`demo seeded: ${report.created} deputies, meeting ${meeting.id}, sittings ${meeting.sittings.map((s) => s.id).join(', ')}`);
}

/**
 * Enrolls the demo deputies' faces from ../shared/faces/ (about a second a deputy on two cores), in the background
 * after the server listens. Deputies already enrolled are skipped, so an interrupted run resumes on restart.
 */
export async function enrollDemoFaces(ctx: ServiceContext, log: FastifyBaseLogger): Promise<void> {
  if (!existsSync(FACES_DIR)) return;
  const body = (await listBodies(ctx.db))[0];
  if (!body) return;
  const rows = new Map(demoRosterRows().map((r) => [r.cardNo, r.photo]));
  const photos = folderPhotos(FACES_DIR);
  const pending = (await listDeputies(ctx.db, body.id)).filter((d) => d.faces === 0 && rows.get(d.cardNo));
  if (pending.length === 0) return;
  log.info(`demo: enrolling ${pending.length} deputies' faces from ${FACES_DIR}`);
  let enrolled = 0;
  for (const d of pending) {
    const folder = rows.get(d.cardNo)!;
    const refs = DEMO_ENROLL_PHOTOS.map((f) => photos.find(join(folder, f))).filter((r) => r !== null);
    const files = await Promise.all(refs.map(async (r) => ({ name: r.name, bytes: await r.read() })));
    const { stored } = await enrollPhotos(ctx, d.id, files, 'system:demo');
    if (stored > 0) enrolled += 1;
  }
  log.info(`demo: faces enrolled for ${enrolled} of ${pending.length} deputies`);
}
