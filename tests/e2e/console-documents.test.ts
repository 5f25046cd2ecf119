// 会议文件 card in Debian's chromium: a clerk uploads a 20 MB PDF and watches the progress bar fill (XMLHttpRequest
// upload progress), sees the document listed; a Word file is refused with the server's message (请另存为 PDF 后上传),
// an over-size file before it is sent; replace adds version 2 to the history; withdraw asks for a reason.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { MeetingView } from '../../shared/views';
import type { DocumentView } from '../../shared/documents';
import { call } from '../helpers/app';
import { screenshot } from '../helpers/browser';
import { tinyPdf } from '../helpers/documents';
import { writeZip } from '../helpers/zip-writer';
import type { RunningServer } from '../helpers/server';
import { closeConsole, openConsole } from './console-setup';

let srv: RunningServer;
let browser: Browser;
let page: Page;
let meeting: MeetingView;
let dir: string;

function onDisk(name: string, data: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

beforeAll(async () => {
  ({ srv, browser, page } = await openConsole());
  dir = mkdtempSync(join(tmpdir(), 'quorum-docs-e2e-'));
  const body = (await call<{ id: number }>(srv.app, 'POST', '/api/bodies', { name: '某镇第八届人民代表大会' }, 201)).body;
  meeting = (await call<MeetingView>(srv.app, 'POST', `/api/bodies/${body.id}/meetings`, { name: '第二次会议', sittings: [{ name: '第一次全体会议' }] }, 201)).body;
  await call(srv.app, 'POST', `/api/sittings/${meeting.sittings[0]!.id}/agenda`, { title: '审议民生实事项目' }, 201);
}, 60_000);
afterAll(async () => {
  await closeConsole({ srv, browser });
  rmSync(dir, { recursive: true, force: true });
});

/** Records every value the progress bar shows, from before the click (the bar may come and go within a second). */
const watchProgress = () =>
  page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    new MutationObserver(() => {
      for (const p of document.querySelectorAll('[data-testid=upload-progress] progress')) seen.push(Number((p as HTMLProgressElement).value));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  });
const progressSeen = () => page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);

describe('console, 会议文件', () => {
  it('uploads a 20 MB PDF with a progress bar, to an agenda item, and lists it', async () => {
    await page.goto(`${srv.url}/console/#/meetings/${meeting.id}`);
    const card = page.getByTestId('document-upload');
    // A file on disk: the browser reads it itself (a 20 MB buffer sent through the driver took longer than a wait).
    await card.locator('input[type=file]').setInputFiles(onDisk('关于2026年民生实事项目的报告.pdf', tinyPdf('Report', 20 * 1024 * 1024)));
    await card.locator('select[name=agendaItemId]').selectOption({ label: '审议民生实事项目' });
    await watchProgress();
    await card.getByRole('button', { name: '上传' }).click();
    await page.getByText('已上传：关于2026年民生实事项目的报告.pdf').waitFor();
    const seen = await progressSeen();
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBe(100);
    const row = page.getByTestId('document-row').first();
    await row.getByText('关于2026年民生实事项目的报告', { exact: true }).waitFor();
    expect(await row.textContent()).toContain('审议民生实事项目');
    await screenshot(page, 'console-documents-uploaded');
  });

  it('shows the server’s refusal of a Word file, and refuses an over-size file before sending it', async () => {
    const card = page.getByTestId('document-upload');
    const docx = writeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
    await card.locator('input[type=file]').setInputFiles({ name: '决议草案.docx', mimeType: 'application/octet-stream', buffer: docx });
    await card.getByRole('button', { name: '上传' }).click();
    await card.getByRole('alert').getByText(/「决议草案.docx」是 Word 文件，请另存为 PDF 后上传/).waitFor();
    await screenshot(page, 'console-documents-refused');
    await card.locator('input[type=file]').setInputFiles(onDisk('太大.pdf', Buffer.alloc(50 * 1024 * 1024 + 1)));
    await card.getByRole('button', { name: '上传' }).click();
    await card.getByRole('alert').getByText('「太大.pdf」超过每个文件 50 MB 的上限').waitFor();
    const { body } = await call<DocumentView[]>(srv.app, 'GET', `/api/sittings/${meeting.sittings[0]!.id}/documents`);
    expect(body.map((d) => d.current.name)).toEqual(['关于2026年民生实事项目的报告.pdf']);
  });

  it('replaces a document (version history shows both) and withdraws it with a reason', async () => {
    const row = page.getByTestId('document-row').first();
    await row.locator('input[type=file]').setInputFiles({ name: '修订稿.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Revised') });
    await row.getByText('版本记录（2）').click();
    await row.getByText('修订稿.pdf').first().waitFor();
    await row.getByRole('button', { name: '撤回' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('textarea[name=reason]').fill('文件有误，重新印发');
    await dialog.getByRole('button', { name: '撤回' }).click();
    await row.getByText('已撤回：文件有误，重新印发').waitFor();
    await screenshot(page, 'console-documents-withdrawn');
  });
});
