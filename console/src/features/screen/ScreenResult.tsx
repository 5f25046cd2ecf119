// A closed vote's result on the big screen: the verdict, then one bar per count. All from VoteView.tally.
import { describePassRule } from '../../../../shared/rules';
import type { VoteResult } from '../../../../shared/rules/result-types';
import { KIND_LABELS } from '../../../../shared/labels';
import { resultTable } from '../../../../shared/result-table';
import type { VoteView } from '../../../../shared/views';
import { useI18n } from '../../i18n/I18n';
import { ResultBars } from './ResultBars';

export function ScreenResult({ vote: v, tally, showNotVoted }: { vote: VoteView; tally: VoteResult; showNotVoted: boolean }) {
  const { t, pick } = useI18n();
  const table = resultTable(tally, showNotVoted);
  return (
    <div className="screen-result">
      <div className="screen-kind">
        {pick(KIND_LABELS[v.kind])} · {v.state === 'announced' ? t('screenAnnounced') : t('screenClosed')}
      </div>
      <h1 className="screen-vote-title">{v.title}</h1>
      {table.verdict.length > 0 && (
        <div className="screen-verdicts">
          {table.verdict.map((x, i) => (
            <div key={i} className={`screen-verdict tone-${x.tone} ${i > 0 ? 'small' : ''} ${x.text.zh.length <= 3 ? 'spaced' : ''}`} data-testid="screen-verdict">
              {pick(x.text)}
            </div>
          ))}
        </div>
      )}
      <ResultBars tally={tally} table={table} showNotVoted={showNotVoted} />
      <div className="screen-turnout" data-testid="screen-turnout">
        {t('inOfficeLabel')} <b>{tally.inOffice}</b> · {t('presentLabel')} <b>{tally.present}</b> · {t('castLabel')} <b>{tally.cast}</b> · {t('onLeave')} <b>{tally.onLeave ?? 0}</b> · {t('absent')}{' '}
        <b>{tally.absent ?? Math.max(0, tally.inOffice - tally.present)}</b>
      </div>
      {tally.kind !== 'rating' && (
        <div className="screen-rule">
          {t('passRule')}{t('colon')}{pick(describePassRule(tally.passRule))} · {t('screenRequired', { n: tally.required })}
        </div>
      )}
    </div>
  );
}
