// 会议文件 on the server: upload, replace, change, withdraw; every bad input refused in Chinese with nothing kept; the
// manifest and the files as tablets reach them (signed), and what they never reach; the live notice; audit.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceManifest, DocumentView } from '../../shared/documents';
import { LiveClient, type SocketLike } from '../../shared/live-client';
import type { ServerMessage } from '../../shared/protocol';
import { buildApp } from '../../server/app';
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
  pdf2 = await chinesePdf({ title: '关于2026年民生实事项目的报告（修订稿）', chapters: 4 });
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
