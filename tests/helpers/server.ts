// The whole app on a random loopback port with the built kiosk and console (npm test builds dist/ first).
import { existsSync } from 'node:fs';
import { DIST_DIR } from '../../server/app';
import { makeApp, type TestApp } from './app';
import { listen } from './live';

export interface RunningServer extends TestApp {
  /** e.g. 'http://127.0.0.1:41234' */
  url: string;
  host: string;
}

export async function startServer(): Promise<RunningServer> {
  if (!existsSync(`${DIST_DIR}/kiosk/index.html`)) throw new Error('dist/ is missing: run `npm run build` (npm test does) first');
  const t = await makeApp();
  const host = await listen(t.app);
  return { ...t, host, url: `http://${host}` };
}
