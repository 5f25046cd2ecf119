// Horizontal bars for a result: 赞成/反对/弃权/未按 for a resolution, 赞成 per project or candidate with its
// outcome, and 满意/基本满意/不满意 per rating subject with its satisfaction rate and verdict.
import type { ReactNode } from 'react';
import { MARK_LABELS } from '../../../../shared/labels';
import type { VoteResult } from '../../../../shared/rules/result-types';
import { formatRate, type ResultTable } from '../../../../shared/result-table';
import { useI18n } from '../../i18n/I18n';

function Row({ label, fills, value, tag }: { label: ReactNode; fills: Array<{ pct: number; tone: string }>; value: ReactNode; tag?: { text: string; tone: string } | null }) {
  return (
    <div className="bar-row">
      <div className="bar-label">{label}</div>
      <div className="bar-track">
        {fills.map((f, i) => (
          <div key={i} className={`bar-fill tone-${f.tone}`} style={{ width: `${f.pct}%` }} />
        ))}
      </div>
      <div className="bar-value">{value}</div>
      <div className={`bar-tag tone-${tag?.tone ?? 'neutral'}`}>{tag?.text}</div>
    </div>
  );
}

function Head({ middle, value, tag }: { middle: ReactNode; value: string; tag: string }) {
  return (
    <div className="bar-row bar-head">
      <div />
      <div>{middle}</div>
      <div>{value}</div>
      <div>{tag}</div>
    </div>
  );
}

const pct = (n: number, of: number) => (of > 0 ? (n / of) * 100 : 0);

export function ResultBars({ tally, table, showNotVoted }: { tally: VoteResult; table: ResultTable; showNotVoted: boolean }) {
  const { t, pick } = useI18n();
  if (tally.kind === 'resolution') {
    const of = tally.inOffice;
    const rows: Array<[string, number, string]> = [
      [pick(MARK_LABELS.yes), tally.yes, 'good'],
      [pick(MARK_LABELS.no), tally.no, 'bad'],
      [pick(MARK_LABELS.abstain), tally.abstain, 'warn'],
    ];
    if (showNotVoted) rows.push([t('notVoted'), tally.notVoted, 'muted']);
    return (
      <div className="bars bars-plain">
        {rows.map(([label, n, tone]) => (
          <Row key={label} label={label} fills={[{ pct: pct(n, of), tone }]} value={n} />
        ))}
      </div>
    );
  }
  if (tally.kind === 'rating') {
    const legend = (['satisfied', 'basic', 'unsatisfied'] as const).map((m, i) => (
      <span key={m} className={`legend tone-${['good', 'info', 'bad'][i]}`}>■ {pick(MARK_LABELS[m])}</span>
    ));
    return (
      <div className="bars">
        <Head middle={legend} value={t('satisfactionRateShort')} tag={t('verdictShort')} />
        {tally.subjects.map((s, i) => (
          <Row
            key={s.optionId}
            label={s.label}
            fills={[
              { pct: pct(s.satisfied, s.valid), tone: 'good' },
              { pct: pct(s.basic, s.valid), tone: 'info' },
              { pct: pct(s.unsatisfied, s.valid), tone: 'bad' },
            ]}
            value={formatRate(s.satisfactionRate)}
            tag={table.rows[i]?.outcome ? { text: pick(table.rows[i]!.outcome!.text), tone: table.rows[i]!.outcome!.tone } : null}
          />
        ))}
      </div>
    );
  }
  // Four candidates and a verdict already pushed the pass rule under the footer at 1920×1080: tighten from there.
  const dense = table.rows.length + table.verdict.length > 4;
  return (
    <div className={`bars ${dense ? 'bars-dense' : ''}`}>
      <Head middle={pick(MARK_LABELS.yes)} value="" tag={t('outcome')} />
      {table.rows.map((r, i) => (
        <Row
          key={`${i}-${r.label}`}
          label={
            <>
              {r.label}
              {r.note && <small>{t('parenOpen')}{pick(r.note)}{t('parenClose')}</small>}
            </>
          }
          fills={[{ pct: pct(Number(r.values[0]), tally.validBallots), tone: r.outcome?.tone === 'good' ? 'good' : r.outcome?.tone === 'warn' ? 'warn' : 'muted' }]}
          value={r.values[0]}
          tag={r.outcome ? { text: pick(r.outcome.text), tone: r.outcome.tone } : null}
        />
      ))}
    </div>
  );
}
