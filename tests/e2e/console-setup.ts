// Shared set-up for the console browser tests: the whole app on a loopback port, Debian's chromium, and one page
// at a desktop viewport in zh-CN, signed in as the test admin (or not, for the sign-in test). One home for it, so
// a change (a timeout, a flag) reaches every console test at once.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signedIn } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

export interface ConsoleSession {
  srv: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

export interface ConsoleOptions {
  /** Give the page the test admin's session (default true). */
  signIn?: boolean;
  /** Accept window.confirm() prompts, as a clerk who means it (default true). */
  acceptDialogs?: boolean;
  /** Each locator's wait, generous so a loaded machine reads slow, not failed (default 15 s). */
  timeout?: number;
}

/** A page as the console is used: 1440×900, zh-CN, no animations (the browser's own time zone: see console-roll-call). */
export async function consolePage(browser: Browser, srv: Pick<RunningServer, 'url' | 'cookie'>, options: ConsoleOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    locale: 'zh-CN',
    reducedMotion: 'reduce',
  });
  if (options.signIn ?? true) await signedIn(context, srv);
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeout ?? 15_000);
  if (options.acceptDialogs ?? true) page.on('dialog', (d) => void d.accept());
  return page;
}

/** Starts the server and the browser together and opens one console page. */
export async function openConsole(options: ConsoleOptions = {}): Promise<ConsoleSession> {
  const [srv, browser] = await Promise.all([startServer(), launchBrowser()]);
  const page = await consolePage(browser, srv, options);
  return { srv, browser, context: page.context(), page };
}

/** For afterAll: closes what openConsole opened, whichever parts of it started. */
export async function closeConsole(session: Partial<ConsoleSession> | undefined): Promise<void> {
  await session?.browser?.close();
  await session?.srv?.close();
}
