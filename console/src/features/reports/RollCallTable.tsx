// 记名表决明细 on the results sheet: each deputy's choice per option, or 未按 / 请假 / 缺席, grouped by delegation.
import { Fragment } from 'react';
import { groupByDelegation, NO_DELEGATION, ROLL_STATUS_LABELS, type RollCallEntry } from '../../../../shared/roll-call';
import { markLabel } from '../../../../shared/labels';
import type { VoteView } from '../../../../shared/views';
import { useI18n } from '../../i18n/I18n';

const TONE = { yes: 'good', satisfied: 'good', basic: 'neutral', no: 'bad', unsatisfied: 'bad', abstain: 'warn' } as const;

export function RollCallTable({ vote, entries }: { vote: VoteView; entries: RollCallEntry[] }) {
  const { t, pick } = useI18n();
  const single = vote.kind === 'resolution';
  const writeIns = entries.some((e) => e.writeIns.length > 0);
  const span = 2 + (single ? 1 : vote.options.length) + (writeIns ? 1 : 0);
  return (
    <section className="roll-call" data-testid="roll-call">
      <h3>{t('rollCallTitle')}</h3>
      <p className="muted small">{t('rollCallNote')}</p>
      <table className="table compact">
        <thead>
          <tr>
            <th>{t('cardNo')}</th>
            <th>{t('name')}</th>
            {single ? <th>{t('choice')}</th> : vote.options.map((o) => <th key={o.id}>{o.label}</th>)}
            {writeIns && <th>{t('writeInsLabel')}</th>}
          </tr>
        </thead>
        <tbody>
          {groupByDelegation(entries).map((g) => (
            <Fragment key={g.delegation ?? ''}>
              <tr className="group-row">
                <th colSpan={span}>
                  {g.delegation ?? pick(NO_DELEGATION)}（{t('rollCallCount', { n: g.entries.length })}）
                </th>
              </tr>
              {g.entries.map((e) => (
                <tr key={e.deputyId} data-testid="roll-row">
                  <td className="mono">{e.cardNo}</td>
                  <td className="strong">{e.name}</td>
                  {e.status === 'voted' ? (
                    e.marks!.map((m, i) => (
                      <td key={i} className={m ? `mark mark-${TONE[m]}` : 'muted'}>
                        {m ? pick(markLabel(vote.kind, m)) : '—'}
                      </td>
                    ))
                  ) : (
                    <td colSpan={single ? 1 : vote.options.length} className={`muted roll-${e.status}`}>
                      {pick(ROLL_STATUS_LABELS[e.status])}
                    </td>
                  )}
                  {writeIns && <td>{e.writeIns.join('、')}</td>}
                </tr>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </section>
  );
}
