// npm run audit:verify [-- --data <dir> | --db <file>] [--expect-head <hash>]
// Opens the database read-only, in one read transaction (a consistent snapshot even while the server runs),
// and verifies the audit chain and every vote's tally. Exit 0 and "OK" with the chain head; 1 naming the
// first bad entry; 2 when the file cannot be read.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { describeProblem } from './problem';
import { verifyFile } from './verify';

const HELP = `Usage: npm run audit:verify [-- --data <dir> | --db <file>] [--expect-head <hash>]
  --data <dir>          folder holding quorum.db (default: QUORUM_DATA or ./data)
  --db <file>           the SQLite file itself (e.g. a copy taken for inspection)
  --expect-head <hash>  a chain head printed earlier (results sheet): the chain must still contain it`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, db: { type: 'string' }, 'expect-head': { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const path = values.db
    ? resolve(values.db)
    : values.data
      ? resolve(values.data, 'quorum.db')
      : readConfig().dbPath;
  if (!existsSync(path)) {
    console.error(`audit:verify: no database at ${path}\n${HELP}`);
    return 2;
  }
  const report = await verifyFile(path, { expectHead: values['expect-head'] });
  if (!report.ok) {
    console.log(`FAILED ${path}`);
    console.log(`  first bad: ${describeProblem(report.problem!)}`);
    console.log(`  ${report.entries} entries verified before it`);
    return 1;
  }
  console.log(`audit chain: ${report.entries} entries, ${report.votesChecked} votes checked`);
  console.log(`head ${report.head}`);
  console.log('OK');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify: ${(error as Error).message}`);
    process.exit(2);
  },
);
