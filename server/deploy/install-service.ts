// Installs Quorum as a systemd service: writes server/deploy/quorum.service.in with this checkout's paths, this
// Node and the account to run as, then enables and starts it.
//
//   sudo npm run service:install [-- --user quorum] [-- --data /var/lib/quorum] [-- --out <file>] [-- --no-start]
//
// --out writes the unit elsewhere and touches nothing else (to read it, or for tests).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const TEMPLATE = resolve(import.meta.dirname, 'quorum.service.in');
export const UNIT_PATH = '/etc/systemd/system/quorum.service';

export interface UnitOptions {
  root: string;
  node: string;
  user: string;
  data: string;
}

/** The unit file's text for these paths. */
export function renderUnit(o: UnitOptions): string {
  const values: Record<string, string> = { ROOT: o.root, NODE: o.node, USER: o.user, DATA: o.data };
  return readFileSync(TEMPLATE, 'utf8').replace(/@(ROOT|NODE|USER|DATA)@/g, (_, k: string) => values[k]!);
}

function main(): void {
  const { values } = parseArgs({
    options: { user: { type: 'string' }, data: { type: 'string' }, out: { type: 'string' }, 'no-start': { type: 'boolean' } },
  });
  // Under sudo the service runs as the account that asked, never as root.
  const user = values.user ?? process.env.SUDO_USER ?? process.env.USER ?? 'quorum';
  const unit = renderUnit({ root: ROOT, node: process.execPath, user, data: resolve(values.data ?? resolve(ROOT, 'data')) });
  if (!existsSync(resolve(ROOT, 'dist/kiosk/index.html'))) console.error('注意：请先运行 npm run build / note: run `npm run build` first (the kiosk and console apps)');
  const out = values.out ?? UNIT_PATH;
  writeFileSync(out, unit);
  console.log(`已写入 / written: ${out}`);
  if (values.out || values['no-start']) return;
  execFileSync('systemctl', ['daemon-reload'], { stdio: 'inherit' });
  execFileSync('systemctl', ['enable', '--now', 'quorum.service'], { stdio: 'inherit' });
  console.log('已启用并启动 / enabled and started: systemctl status quorum; journalctl -u quorum -f');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
