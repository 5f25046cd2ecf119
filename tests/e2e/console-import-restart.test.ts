// An import cut off by a server restart, in Debian's chromium (issue 16, item 2): the server is stopped mid-import
// for real (tests/helpers/import-restart.ts); when it is back, the clerk opening the congress's page sees what
// happened — interrupted, how far it got, import the same file again — and the rows it imported in the roster.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../../server/app';
import { launchBrowser, screenshot } from '../helpers/browser';
import { listen } from '../helpers/live';
import { CUT_ROWS, cutImport } from '../helpers/import-restart';
import { consolePage } from './console-setup';

let dir: string;
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let bodyId: number;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quorum-e2e-import-restart-'));
  const dbPath = join(dir, 'quorum.db');
  const cut = await cutImport(dbPath);
  bodyId = cut.bodyId;
  app = await buildApp({ dbPath });
  const host = await listen(app);
  url = `http://${host}`;
  browser = await launchBrowser();
  // The clerk's session is stored: still signed in after the restart.
  page = await consolePage(browser, { url, cookie: cut.cookie });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('console, an import cut off by a restart', () => {
  it('says the import was interrupted, how far it got and what to do, and shows the rows it kept', async () => {
    await page.goto(`${url}/console/#/bodies/${bodyId}`);
    const note = page.getByRole('alert').filter({ hasText: '时重启' });
    await note.waitFor();
    expect(await note.textContent()).toMatch(
      /^服务器在导入「roster-2026\.csv」时重启，导入没有完成：已导入的 8 行代表和已处理的照片（至少 \d 张，共 8 张）均已保存。请重新导入同一文件补全其余照片（代表按代表证号更新，不会重复）。$/,
    );
    // Not shown as still running: the import button is there to use again.
    expect(await page.getByTestId('import-progress').count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: '导入', exact: true }).isEnabled()).toBe(true);
    for (const r of CUT_ROWS) await page.getByText(r.cardNo, { exact: true }).waitFor();
    await screenshot(page, 'console-import-interrupted');
  });
});
