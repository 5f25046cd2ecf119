// Debian's chromium driven by playwright-core, headless, with the flags this sandbox needs (no background
// networking: the closed network refuses those connections). Pass a .y4m to feed the fake camera.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = resolve(import.meta.dirname, '..', 'artifacts');

export interface LaunchOptions {
  /** A .y4m file Chromium plays as the camera (looped). Without it, no camera is offered. */
  fakeCamera?: string;
}

function chromiumArgs(options: LaunchOptions): string[] {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ];
  if (options.fakeCamera) {
    args.push(
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${options.fakeCamera}`,
    );
  }
  return args;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: chromiumArgs(options) });
}

/**
 * One tablet's browser kept on disk (its localStorage and its device key in IndexedDB live in `userDataDir`): closed
 * and launched again with another camera video, it is the same paired tablet seeing someone else.
 */
export async function launchTablet(userDataDir: string, options: LaunchOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(options),
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

/** Saves a screenshot under tests/artifacts/<name>.png (kept by CI as an artifact, looked at by people). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = resolve(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Gives a browser context the test admin's session (`quorum_session=…`), as if signed in at the console. */
export async function signedIn(context: BrowserContext, server: { url: string; cookie: string }): Promise<void> {
  const [name, value] = server.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
}
