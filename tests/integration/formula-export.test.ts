// What the hostile review found held and keeps so: names and titles that start like a spreadsheet formula
// (= + - @) are exported to .xlsx as text cells, never as formulas a clerk's spreadsheet would run.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteView } from '../../shared/views';
import { call, makeApp, type TestApp } from '../helpers/app';
import { createVote, seedSitting, type Sitting } from '../helpers/fixtures';

let t: TestApp;
let s: Sitting;
beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 3);
});
afterAll(() => t.close());

const FORMULAS = ['=HYPERLINK("http://evil.example","点此")', '+1+1', '-2+3', '@SUM(A1:A9)'];

describe('spreadsheet export', () => {
  it('writes formula-like names and titles as text cells', async () => {
    await call(t.app, 'PATCH', `/api/deputies/${s.deputyIds[0]}`, { name: FORMULAS[1] }, 200);
    const vote = await createVote(t.app, s, { kind: 'project', title: FORMULAS[0]!, secrecy: 'open', options: FORMULAS.map((label) => ({ label })), maxYes: 2 });
    await call<VoteView>(t.app, 'POST', `/api/votes/${vote.id}/open`, { overrideQuorumReason: '测试' }, 200);
    await call(t.app, 'POST', `/api/votes/${vote.id}/close`, undefined, 200);
    const urls = [`/api/reports/votes/${vote.id}/xlsx`, `/api/reports/sittings/${s.sittingId}/attendance/xlsx`];
    let seen = 0;
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: t.cookie } });
      expect([url, res.statusCode]).toEqual([url, 200]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      book.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
            if (FORMULAS.includes(String(cell.value))) {
              seen += 1;
              expect(cell.type).toBe(ExcelJS.ValueType.String);
            }
          }),
        ),
      );
    }
    expect(seen).toBeGreaterThanOrEqual(2);
  });
});
