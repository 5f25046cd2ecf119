// Words of a result (issue 23, points 7 and 12): one label per vote kind for a mark, the same on every screen and
// sheet (a 票决 ballot's 'no' is 不赞成, the 履职档案 said 反对); and an election or project vote that elected or adopted
// nobody says so as a failure, not as a green "当选 0 名 / 入选 0 项".
import { describe, expect, it } from 'vitest';
import { computeResult } from '../../shared/rules/tally';
import { markLabel } from '../../shared/labels';
import { resultTable } from '../../shared/result-table';
import { ballotsWithYes, options, spec } from './rules/helpers';

describe('result words', () => {
  it('calls a mark what its vote kind calls it', () => {
    expect(markLabel('project', 'no').zh).toBe('不赞成');
    expect(markLabel('resolution', 'no').zh).toBe('反对');
    expect(markLabel('election', 'no').zh).toBe('反对');
    const project = resultTable(computeResult(spec('project', { options: options(3) }), ballotsWithYes([1, 1, 1], 20, 'no', 2), { inOffice: 20, present: 20 }), false);
    expect(project.columns[1]).toEqual(markLabel('project', 'no'));
  });

  it('shows none elected and none adopted as a failure, some as a success', () => {
    const counts = { inOffice: 20, present: 20 };
    const election = (yes: number[]) => resultTable(computeResult(spec('election', { options: options(3), maxYes: 2 }), ballotsWithYes(yes, 20, 'no', 2), counts), false).verdict[0];
    const project = (yes: number[]) => resultTable(computeResult(spec('project', { options: options(3), maxYes: 2 }), ballotsWithYes(yes, 20, 'no', 2), counts), false).verdict[0];
    expect(election([3, 2, 1])).toEqual({ text: { zh: '无人当选', en: 'No one elected' }, tone: 'bad' });
    expect(project([3, 2, 1])).toEqual({ text: { zh: '没有项目入选', en: 'No project adopted' }, tone: 'bad' });
    expect(election([15, 12, 1])).toEqual({ text: { zh: '当选 2 名', en: '2 elected' }, tone: 'good' });
    expect(project([15, 3, 1])).toEqual({ text: { zh: '入选 1 项', en: '1 adopted' }, tone: 'good' });
  });
});
