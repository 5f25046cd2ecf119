// The systemd unit the venue installs (server/deploy/quorum.service.in, written by `npm run service:install`):
// `systemd-analyze verify` accepts it as written for this checkout (the sandbox has the tool but no running systemd),
// and it restarts always, without a start limit, running the server the way the restart test runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/deploy/install-service';
import { readService } from '../helpers/supervisor';

const dir = mkdtempSync(join(tmpdir(), 'quorum-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;

describe('the systemd unit', () => {
  const out = join(dir, 'quorum.service');
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server/deploy/install-service.ts'), '--out', out, '--data', join(dir, 'data'), '--user', userInfo().username], { cwd: ROOT, stdio: 'pipe' });
  const unit = readFileSync(out, 'utf8');

  it('is written with this checkout, this Node and the data folder, and restarts always with no start limit', () => {
    const spec = readService(unit);
    expect(spec.workingDirectory).toBe(ROOT);
    expect(spec.execStart.slice(0, 1)).toEqual([process.execPath]);
    expect(spec.execStart.slice(-3)).toEqual(['--import', 'tsx', 'server/main.ts']);
    expect(spec.environment.QUORUM_DATA).toBe(join(dir, 'data'));
    expect([spec.restart, spec.restartSec]).toEqual(['always', 1]);
    expect(unit).toMatch(/^StartLimitIntervalSec=0$/m);
    expect(unit).toMatch(/^WantedBy=multi-user\.target$/m);
  });

  it.runIf(hasSystemdAnalyze)('passes systemd-analyze verify with no complaint', () => {
    const r = spawnSync('systemd-analyze', ['verify', out], { encoding: 'utf8' });
    expect([r.status, r.stderr.split('\n').filter((l) => l.includes('quorum.service'))]).toEqual([0, []]);
  });
});
