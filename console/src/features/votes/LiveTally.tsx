// While a vote is open: 已投 N / 应投 M, and for 记名 votes the running counts per option (the server sends
// none for 无记名 votes while open). No outcome is shown before close: a running count decides nothing.
import type { VoteView } from '../../../../shared/views';
import { MARK_LABELS } from '../../../../shared/labels';
import { resultTable } from '../../../../shared/result-table';
import { useI18n } from '../../i18n/I18n';

function Counts({ vote: v }: { vote: VoteView }) {
  const { t, pick } = useI18n();
  if (!v.tally) return <p className="muted">{t('secretWhileOpen')}</p>;
  if (v.tally.kind === 'resolution') {
    const marks = [
      ['yes', v.tally.yes],
      ['no', v.tally.no],
      ['abstain', v.tally.abstain],
    ] as const;
    return (
      <div className="tally-marks" data-testid="live-counts">
        {marks.map(([mark, n]) => (
          <div key={mark} className={`tally-mark tally-${mark}`}>
            <span>{pick(MARK_LABELS[mark])}</span>
            <b>{n}</b>
          </div>
        ))}
      </div>
    );
  }
  const table = resultTable(v.tally);
  return (
    <table className="table compact live-counts" data-testid="live-counts">
      <thead>
        <tr>
          <th>{t('option')}</th>
          {table.columns.map((c) => (
            <th key={c.zh} className="num">
              {pick(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r, i) => (
          <tr key={i}>
            <td className="strong">
              {r.label}
              {r.note && <span className="tag">{pick(r.note)}</span>}
            </td>
            {r.values.map((val, j) => (
              <td key={j} className="num">
                {val}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LiveTally({ vote: v }: { vote: VoteView }) {
  const { t } = useI18n();
  const pct = v.expected > 0 ? Math.min(100, (v.cast / v.expected) * 100) : 0;
  return (
    <div className="live-tally" data-testid="live-tally">
      <div className="cast-line" data-testid="cast-figure">
        <span className="cast-label">{t('castLabel')}</span>
        <span className="cast-figure">{v.cast}</span>
        <span className="cast-sep">/</span>
        <span className="cast-label">{t('expectedVoters')}</span>
        <span className="cast-figure cast-expected">{v.expected}</span>
      </div>
      <div className="progress" aria-hidden="true">
        <div style={{ width: `${pct}%` }} />
      </div>
      <Counts vote={v} />
    </div>
  );
}
