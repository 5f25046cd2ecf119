// 会议文件 on the server: upload, replace, change, withdraw; every bad input refused in Chinese with nothing kept; the
// manifest and the files as tablets reach them (signed), and what they never reach; the live notice; audit.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceManifest, DocumentView } from '../../shared/documents';
import type { AgendaReport, AttendanceReport } from '../../shared/reports';
import { LiveClient, type SocketLike } from '../../shared/live-client';
import type { ServerMessage } from '../../shared/protocol';
import { buildApp } from '../../server/app';
import { verifyFile } from '../../server/audit/verify';
import { call, makeApp, type TestApp } from '../helpers/app';
import { inject, lazySigner, pairDevice, type PairedDevice } from '../helpers/devices';
import { seedSitting, type Sitting } from '../helpers/fixtures';
import { chinesePdf } from '../helpers/chinese-pdf';
import { damagedPdf, encryptedPdf, postDocument } from '../helpers/documents';
import { listen } from '../helpers/live';
import { writeZip as zipOf } from '../helpers/zip-writer';

let t: TestApp;
let s: Sitting;
let other: Sitting;
let seat: PairedDevice;
let otherSeat: PairedDevice;
let pdf: Buffer;
let pdf2: Buffer;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const docsOf = (sittingId: number) => `/api/sittings/${sittingId}/documents`;

async function upload(data: Buffer, name: string, fields: Record<string, string> = {}): Promise<DocumentView> {
  const res = await postDocument(t.app, docsOf(s.sittingId), { name, data }, fields);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DocumentView>();
}
const manifestOf = async (tab: PairedDevice, headers: Record<string, string> = {}) =>
  inject(t.app, { method: 'GET', url: '/api/device/documents', headers: { ...tab.headers, ...headers } });
const fileAs = async (tab: PairedDevice, hash: string, headers: Record<string, string> = {}) =>
  inject(t.app, { method: 'GET', url: `/api/files/${hash}`, headers: { ...tab.headers, ...headers } });
/** Files in the store (hash-named), and whatever sits in incoming/. */
function storeFiles(): string[] {
  const root = join(t.dir, 'documents');
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
const rowCount = async (table: string) => (await t.app.ctx.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n;

beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 3);
  other = await seedSitting(t.app, 2);
  seat = await pairDevice(t.app, 'seat', s.sittingId);
  otherSeat = await pairDevice(t.app, 'seat', other.sittingId);
  pdf = await chinesePdf({ title: '关于2026年民生实事项目的报告', chapters: 3 });
  // A title that starts differently: chinese-pdf.ts caches by the first 48 characters of its options' base64.
  pdf2 = await chinesePdf({ title: '修订稿：民生实事项目报告', chapters: 4 });
  expect(sha(pdf2)).not.toBe(sha(pdf));
}, 120_000);
afterAll(() => t.close());

describe('upload', () => {
  it('stores a PDF by its hash with its original name, page count and outline, in the audit chain', async () => {
    const doc = await upload(pdf, '民生实事项目报告.pdf', { visibility: 'tablets' });
    expect(doc).toMatchObject({ title: '民生实事项目报告', visibility: 'tablets', agendaItemId: null, withdrawn: null });
    expect(doc.current).toMatchObject({ version: 1, name: '民生实事项目报告.pdf', sha256: sha(pdf), size: pdf.length, pages: 3 });
    expect(doc.current.outline.map((o) => o.normalize('NFKC'))).toEqual(['关于2026年民生实事项目的报告']);
    expect(existsSync(join(t.dir, 'documents', sha(pdf).slice(0, 2), `${sha(pdf)}.pdf`))).toBe(true);
    const entry = await t.app.ctx.db.get<{ detail: string }>("SELECT detail FROM audit_events WHERE action = 'document.upload' ORDER BY id DESC LIMIT 1");
    expect(JSON.parse(entry!.detail)).toMatchObject({ sha256: sha(pdf), name: '民生实事项目报告.pdf', version: 1 });
    const { body: list } = await call<DocumentView[]>(t.app, 'GET', docsOf(s.sittingId));
    expect(list.map((d) => d.id)).toContain(doc.id);
  });

  it('takes the fields after the file too, and an agenda item of the sitting only', async () => {
    const { body: item } = await call<{ id: number }>(t.app, 'POST', `/api/sittings/${s.sittingId}/agenda`, { title: '审议民生实事项目' }, 201);
    const { body: foreign } = await call<{ id: number }>(t.app, 'POST', `/api/sittings/${other.sittingId}/agenda`, { title: '别的会议' }, 201);
    const ok = await postDocument(t.app, docsOf(s.sittingId), { name: 'a.pdf', data: pdf }, { agendaItemId: String(item.id), title: '项目清单' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<DocumentView>()).toMatchObject({ agendaItemId: item.id, title: '项目清单' });
    const bad = await postDocument(t.app, docsOf(s.sittingId), { name: 'a.pdf', data: pdf }, { agendaItemId: String(foreign.id) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/议程不属于/);
  });
});

describe('refusals: a clear Chinese message and nothing half-stored', () => {
  const cases: Array<[string, () => { name: string; data: Buffer }, number, RegExp]> = [
    ['a text file named .pdf', () => ({ name: '报告.pdf', data: Buffer.from('这不是PDF，只是文字。'.repeat(50)) }), 415, /不是 PDF 文件/],
    ['a JPEG named .pdf', () => ({ name: '照片.pdf', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]) }), 415, /不是 PDF 文件/],
    ['an encrypted PDF', () => ({ name: '加密.pdf', data: encryptedPdf(pdf) }), 415, /已加密/],
    ['a damaged PDF (cut short)', () => ({ name: '损坏.pdf', data: damagedPdf(pdf) }), 400, /已损坏/],
    ['a zip', () => ({ name: '文件.zip', data: zipOf([{ name: 'a.pdf', data: pdf }]) }), 415, /压缩包（zip）/],
    ['a .docx (a zip of word/)', () => ({ name: '决议草案.docx', data: zipOf([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]) }), 415, /请另存为 PDF 后上传/],
    ['a .doc (Office 97)', () => ({ name: '决议草案.doc', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]) }), 415, /请另存为 PDF 后上传/],
    ['an empty file', () => ({ name: '空.pdf', data: Buffer.alloc(0) }), 400, /空文件/],
    ['a PDF over the size limit', () => ({ name: '太大.pdf', data: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(50 * 1024 * 1024 + 1)]) }), 413, /超过每个文件 50 MB 的上限/],
  ];
  for (const [what, make, status, message] of cases) {
    it(`refuses ${what}`, async () => {
      const [files, docs, versions, audit] = [storeFiles(), await rowCount('documents'), await rowCount('document_versions'), await rowCount('audit_events')];
      const res = await postDocument(t.app, docsOf(s.sittingId), make(), { visibility: 'tablets' });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.message).toMatch(message);
      expect(storeFiles()).toEqual(files);
      expect([await rowCount('documents'), await rowCount('document_versions'), await rowCount('audit_events')]).toEqual([docs, versions, audit]);
    }, 60_000);
  }

  it('refuses a bad visibility, a request without a file and a clerk-less caller', async () => {
    const bad = await postDocument(t.app, docsOf(s.sittingId), { name: 'a.pdf', data: pdf }, { visibility: 'everyone' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/可见范围/);
    const none = await postDocument(t.app, docsOf(s.sittingId), null, { visibility: 'tablets' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toMatch(/请选择要上传的 PDF 文件/);
    const anon = await postDocument(t.app, docsOf(s.sittingId), { name: 'a.pdf', data: pdf }, {}, null);
    expect(anon.statusCode).toBe(401);
    expect(storeFiles().some((f) => f.includes('incoming'))).toBe(false);
  });

  it('sweeps what an interrupted upload left in incoming/ at the next start', async () => {
    const left = join(t.dir, 'documents', 'incoming', 'crashed-upload');
    writeFileSync(left, pdf.subarray(0, 1000));
    const again = await buildApp({ dbPath: join(t.dir, 'quorum.db') });
    await again.close();
    expect(existsSync(left)).toBe(false);
  });
});

describe('what tablets reach', () => {
  let shown: DocumentView;
  let paper: DocumentView;
  let presidium: DocumentView;

  beforeAll(async () => {
    shown = await upload(pdf, '工作报告.pdf', { visibility: 'tablets', title: '常委会工作报告' });
    paper = await upload(Buffer.concat([pdf, Buffer.from('\n% 选举草案\n')]), '选举办法草案.pdf', { visibility: 'paper' });
    presidium = await upload(Buffer.concat([pdf, Buffer.from('\n% 主席团\n')]), '主席团文件.pdf', { visibility: 'presidium' });
  });

  it('lists only the sitting’s documents for tablets, with a manifest ETag (304 when unchanged)', async () => {
    const res = await manifestOf(seat);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json<DeviceManifest>();
    expect(m.sittingId).toBe(s.sittingId);
    expect(m.documents.find((d) => d.id === shown.id)).toEqual({
      id: shown.id, title: '常委会工作报告', name: '工作报告.pdf', agendaItemId: null, sha256: sha(pdf), size: pdf.length, pages: 3, version: 1, outline: shown.current.outline,
    });
    expect(m.documents.map((d) => d.id)).not.toContain(paper.id);
    expect(m.documents.map((d) => d.id)).not.toContain(presidium.id);
    expect(res.headers.etag).toBe(`"${m.etag}"`);
    expect((await manifestOf(seat, { 'if-none-match': `"${m.etag}"` })).statusCode).toBe(304);
  });

  it('serves a listed file with ETag = hash, immutable caching, 304 and Range (206, If-Range, 416)', async () => {
    const h = sha(pdf);
    const whole = await fileAs(seat, h);
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(pdf)).toBe(true);
    expect(whole.headers).toMatchObject({ etag: `"${h}"`, 'content-type': 'application/pdf', 'accept-ranges': 'bytes' });
    expect(String(whole.headers['cache-control'])).toMatch(/immutable/);
    expect((await fileAs(seat, h, { 'if-none-match': `"${h}"` })).statusCode).toBe(304);
    const part = await fileAs(seat, h, { range: 'bytes=100-1099' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-1099/${pdf.length}`);
    expect(part.rawPayload.equals(pdf.subarray(100, 1100))).toBe(true);
    expect((await fileAs(seat, h, { range: 'bytes=100-199', 'if-range': `"${h}"` })).statusCode).toBe(206);
    expect((await fileAs(seat, h, { range: 'bytes=100-199', 'if-range': '"something-else"' })).statusCode).toBe(200);
    expect((await fileAs(seat, h, { range: `bytes=${pdf.length + 10}-` })).statusCode).toBe(416);
  });

  it('never gives a tablet a paper or presidium document, nor another sitting’s (a stolen token of its tablet)', async () => {
    for (const d of [paper, presidium]) expect((await fileAs(seat, d.current.sha256)).statusCode).toBe(404);
    expect((await manifestOf(otherSeat)).json<DeviceManifest>().documents).toEqual([]);
    const stolen = await fileAs(otherSeat, sha(pdf));
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().error.message).toMatch(/本终端无权读取/);
    // The token alone, copied off the tablet without its key: refused before anything.
    const copied = await t.app.inject({ method: 'GET', url: `/api/files/${sha(pdf)}`, headers: seat.headers });
    expect(copied.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/device/documents', headers: seat.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${sha(pdf)}` })).statusCode).toBe(401);
    const door = await pairDevice(t.app, 'door', s.sittingId);
    expect((await manifestOf(door)).statusCode).toBe(403);
    expect((await fileAs(door, sha(pdf))).statusCode).toBe(404);
    // Staff read every stored version, paper ones too.
    const staff = await t.app.inject({ method: 'GET', url: `/api/files/${paper.current.sha256}`, headers: { cookie: t.cookie } });
    expect(staff.statusCode).toBe(200);
    expect(staff.rawPayload.length).toBe(paper.current.size);
  });

  it('a replaced document keeps its old version’s record; tablets get only the new file', async () => {
    const res = await postDocument(t.app, `/api/documents/${shown.id}/versions`, { name: '工作报告（修订）.pdf', data: pdf2 });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json<DocumentView>();
    expect(doc.versions.map((v) => [v.version, v.sha256])).toEqual([[1, sha(pdf)], [2, sha(pdf2)]]);
    expect(doc.current).toMatchObject({ version: 2, name: '工作报告（修订）.pdf' });
    expect(doc.current.pages).toBeGreaterThan(3);
    const m = (await manifestOf(seat)).json<DeviceManifest>();
    expect(m.documents.find((d) => d.id === shown.id)).toMatchObject({ version: 2, sha256: sha(pdf2) });
    expect((await fileAs(seat, sha(pdf2))).statusCode).toBe(200);
    // The old bytes are another document's current file too (uploaded twice above): stop that one being the reason.
    const stillListed = m.documents.some((d) => d.sha256 === sha(pdf));
    expect((await fileAs(seat, sha(pdf))).statusCode).toBe(stillListed ? 200 : 404);
    const entry = await t.app.ctx.db.get<{ detail: string }>("SELECT detail FROM audit_events WHERE action = 'document.replace' ORDER BY id DESC LIMIT 1");
    expect(JSON.parse(entry!.detail)).toMatchObject({ version: 2, sha256: sha(pdf2), replaces: { version: 1, sha256: sha(pdf) } });
  });

  it('a visibility change and a withdrawal take the document off the tablets; withdrawal needs a reason', async () => {
    const moved = await call<DocumentView>(t.app, 'PATCH', `/api/documents/${paper.id}`, { visibility: 'tablets' }, 200);
    expect(moved.body.visibility).toBe('tablets');
    expect((await fileAs(seat, paper.current.sha256)).statusCode).toBe(200);
    expect((await call(t.app, 'POST', `/api/documents/${paper.id}/withdraw`, {}, 400)).status).toBe(400);
    const { body } = await call<DocumentView>(t.app, 'POST', `/api/documents/${paper.id}/withdraw`, { reason: '文件有误，重新印发' }, 200);
    expect(body.withdrawn).toMatchObject({ reason: '文件有误，重新印发', by: 'staff:1' });
    expect((await manifestOf(seat)).json<DeviceManifest>().documents.map((d) => d.id)).not.toContain(paper.id);
    expect((await fileAs(seat, paper.current.sha256)).statusCode).toBe(404);
    expect((await call(t.app, 'POST', `/api/documents/${paper.id}/withdraw`, { reason: '再撤' }, 409)).status).toBe(409);
    const res = await postDocument(t.app, `/api/documents/${paper.id}/versions`, { name: 'x.pdf', data: pdf2 });
    expect(res.statusCode).toBe(409);
    const actions = await t.app.ctx.db.all<{ action: string }>(`SELECT action FROM audit_events WHERE subject = 'document:${paper.id}' ORDER BY id`);
    expect(actions.map((a) => a.action)).toEqual(['document.upload', 'document.update', 'document.withdraw']);
  });

  it('tells the sitting’s tablets over the live socket, and no other sitting’s', async () => {
    const host = await listen(t.app);
    const heard = (tab: PairedDevice, meetingId: number) => {
      const messages: ServerMessage[] = [];
      const client = new LiveClient({
        origin: `ws://${host}`, meetingId, view: 'kiosk', device: lazySigner(tab.token),
        connect: (url) => new WebSocket(url) as unknown as SocketLike, onMessage: (m) => messages.push(m),
      });
      return { client, messages };
    };
    const mine = heard(seat, s.meeting.id);
    const theirs = heard(otherSeat, other.meeting.id);
    for (let i = 0; i < 100 && (mine.client.status !== 'live' || theirs.client.status !== 'live'); i++) await new Promise((r) => setTimeout(r, 50));
    await call(t.app, 'PATCH', `/api/documents/${presidium.id}`, { visibility: 'tablets' }, 200);
    const expected = (await manifestOf(seat)).json<DeviceManifest>().etag;
    for (let i = 0; i < 100 && !mine.messages.some((m) => m.type === 'documents'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(mine.messages.filter((m) => m.type === 'documents')).toEqual([{ type: 'documents', sittingId: s.sittingId, etag: expected }]);
    expect(theirs.messages.filter((m) => m.type === 'documents')).toEqual([]);
    mine.client.close();
    theirs.client.close();
  });

  it('a revoked tablet gets 401 on both routes; an archived body’s sittings serve no documents', async () => {
    const spare = await pairDevice(t.app, 'seat', s.sittingId, 'spare');
    expect((await manifestOf(spare)).json<DeviceManifest>().documents.length).toBeGreaterThan(0);
    await call(t.app, 'POST', `/api/devices/${spare.device.id}/revoke`, undefined, 200);
    expect((await manifestOf(spare)).statusCode).toBe(401);
    expect((await fileAs(spare, sha(pdf2))).statusCode).toBe(401);
    await call(t.app, 'POST', `/api/bodies/${s.body.id}/archive`, { confirmName: s.body.name }, 200);
    const m = await manifestOf(seat);
    expect(m.statusCode).toBe(200);
    expect(m.json<DeviceManifest>().documents).toEqual([]);
    expect((await fileAs(seat, sha(pdf2))).statusCode).toBe(404);
    const refused = await postDocument(t.app, docsOf(s.sittingId), { name: 'late.pdf', data: pdf });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/已归档/);
  });
});

describe('audit', () => {
  it('audit:verify holds, then finds a document file swapped or removed on disk', async () => {
    const ok = await verifyFile(t.dbPath);
    expect(ok.problem).toBeNull();
    const target = join(t.dir, 'documents', sha(pdf2).slice(0, 2), `${sha(pdf2)}.pdf`);
    const original = readFileSync(target);
    writeFileSync(target, pdf); // the revised report swapped back for the first draft, same name
    const swapped = await verifyFile(t.dbPath);
    expect(swapped.ok).toBe(false);
    expect(swapped.problem!.message).toMatch(new RegExp(`document \\d+ version 2: its file ${sha(pdf2)}.pdf hashes to ${sha(pdf)}`));
    rmSync(target);
    expect((await verifyFile(t.dbPath)).problem!.message).toMatch(/is missing/);
    writeFileSync(target, original);
    expect((await verifyFile(t.dbPath)).ok).toBe(true);
  });

  it('audit:verify finds a version row whose hash was edited to match a swapped file', async () => {
    const row = (await t.app.ctx.db.get<{ id: number }>('SELECT id FROM document_versions ORDER BY id DESC LIMIT 1'))!;
    // Beside the running server, as someone holding the file would (no audit capture sees this connection).
    const raw = await new Promise<sqlite3.Database>((res, rej) => {
      const d = new sqlite3.Database(t.dbPath, sqlite3.OPEN_READWRITE, (e) => (e ? rej(e) : res(d)));
    });
    const edit = (hash: string) => new Promise<void>((res, rej) => raw.run('UPDATE document_versions SET sha256 = ? WHERE id = ?', [hash, row.id], (e) => (e ? rej(e) : res())));
    const was = (await t.app.ctx.db.get<{ sha256: string }>('SELECT sha256 FROM document_versions WHERE id = ?', [row.id]))!.sha256;
    await edit(sha(pdf));
    const report = await verifyFile(t.dbPath);
    expect(report.ok).toBe(false);
    expect(report.problem!.message).toMatch(/document_versions/);
    await edit(was);
    await new Promise<void>((res) => raw.close(() => res()));
    expect((await verifyFile(t.dbPath)).ok).toBe(true);
  });
});

describe('report', () => {
  it('the sitting’s report lists each document’s name and hash, the versions it replaced and withdrawals', async () => {
    const { body } = await call<AttendanceReport>(t.app, 'GET', `/api/reports/sittings/${s.sittingId}/attendance`);
    const revised = body.documents.find((d) => d.title === '常委会工作报告')!;
    expect(revised).toMatchObject({ name: '工作报告（修订）.pdf', sha256: sha(pdf2), version: 2, earlier: [{ version: 1, name: '工作报告.pdf', sha256: sha(pdf) }], withdrawn: null });
    expect(body.documents.find((d) => d.name === '选举办法草案.pdf')!.withdrawn).toMatchObject({ reason: '文件有误，重新印发' });
    const { documentsOfItem } = await import('../../server/services/report-documents');
    const item = body.documents.find((d) => d.agendaItemId !== null)!;
    expect((await documentsOfItem(t.app.ctx, s.sittingId, item.agendaItemId)).map((d) => d.id)).toEqual([item.id]);
  });

  it('the 会议议程 report lists each item’s documents (name, hash) under it, the sitting’s own apart, none withdrawn', async () => {
    const { body: docs } = await call<AttendanceReport>(t.app, 'GET', `/api/reports/sittings/${s.sittingId}/attendance`);
    const { body } = await call<AgendaReport>(t.app, 'GET', `/api/reports/sittings/${s.sittingId}/agenda`);
    const ofItem = docs.documents.find((d) => d.agendaItemId !== null && !d.withdrawn)!;
    const item = body.items.find((i) => i.id === ofItem.agendaItemId)!;
    expect(item.documents).toEqual([{ name: ofItem.name, sha256: ofItem.sha256 }]);
    const own = docs.documents.filter((d) => d.agendaItemId === null && !d.withdrawn).map((d) => d.sha256);
    expect(body.sittingDocuments.map((d) => d.sha256).sort()).toEqual(own.sort());
    expect(own.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain('选举办法草案.pdf');
  });
});

describe('agenda item deleted', () => {
  it('its documents stay, as the sitting’s own; the audit log still holds', async () => {
    const doc = (await call<DocumentView[]>(t.app, 'GET', docsOf(s.sittingId))).body.find((d) => d.agendaItemId !== null)!;
    await t.app.ctx.db.write((tx) => tx.run('DELETE FROM agenda_items WHERE id = ?', [doc.agendaItemId]));
    const after = (await call<DocumentView[]>(t.app, 'GET', docsOf(s.sittingId))).body.find((d) => d.id === doc.id)!;
    expect(after.agendaItemId).toBeNull();
    expect((await verifyFile(t.dbPath)).problem).toBeNull();
  });
});
