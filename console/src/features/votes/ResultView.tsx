// The fixed result of a closed vote, exactly as the server computed it (VoteView.tally via shared/rules).
import type { VoteView } from '../../../../shared/views';
import type { VoteResult } from '../../../../shared/rules/result-types';
import { resultTable } from '../../../../shared/result-table';
import { useI18n } from '../../i18n/I18n';
import { Badge } from '../../ui/kit';

export function ResultView({ vote, tally, showNotVoted }: { vote: VoteView; tally: VoteResult; showNotVoted: boolean }) {
  const { t, pick } = useI18n();
  const table = resultTable(tally, showNotVoted);
  return (
    <div className="result" data-testid="result">
      {table.verdict.length > 0 && (
        <div className="verdicts">
          {table.verdict.map((v, i) => (
            <div key={i} className={`verdict verdict-${v.tone}`} data-testid="verdict">
              {pick(v.text)}
            </div>
          ))}
        </div>
      )}
      <table className="table result-table">
        <thead>
          <tr>
            <th>{vote.kind === 'resolution' ? '' : t('option')}</th>
            {table.columns.map((c) => (
              <th key={c.zh} className="num">
                {pick(c)}
              </th>
            ))}
            <th>{t('outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i}>
              <td className="strong">
                {r.label || vote.title}
                {r.note && <span className="tag">{pick(r.note)}</span>}
              </td>
              {r.values.map((val, j) => (
                <td key={j} className="num">
                  {val}
                </td>
              ))}
              <td>{r.outcome && <Badge tone={r.outcome.tone}>{pick(r.outcome.text)}</Badge>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="result-figures">
        {table.figures.map((f) => (
          <div key={f.label.zh}>
            <dt>{pick(f.label)}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
