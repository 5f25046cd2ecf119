// A body's rules in words: quorum, pass rules per kind, rating verdict, whether 未按 is shown.
import { describeFraction, describePassRule, PASS_BASE_LABELS } from '../../../../shared/rules';
import type { BodyRules } from '../../../../shared/types';
import { useI18n } from '../../i18n/I18n';
import { Card } from '../../ui/kit';
import { screenTimingText } from '../rules/ScreenTiming';

export function RulesCard({ rules }: { rules: BodyRules }) {
  const { t, pick } = useI18n();
  const v = rules.ratingVerdict;
  const base = pick(PASS_BASE_LABELS[v.base]);
  const rows: Array<[string, string]> = [
    [t('ruleQuorum'), pick(describePassRule({ base: 'all', fraction: rules.quorum }))],
    [t('ruleResolution'), pick(describePassRule(rules.resolutionPass))],
    [t('ruleElection'), pick(describePassRule(rules.electionPass))],
    [t('ruleProject'), pick(describePassRule(rules.projectPass))],
    [t('ruleRating'), t('ruleRatingText', { base, s: pick(describeFraction(v.satisfied)), b: pick(describeFraction(v.basicallySatisfied)) })],
    [t('ruleNotVoted'), rules.showNotVoted ? t('yesShown') : t('notShown')],
    [t('ruleScreenResult'), screenTimingText(rules.screenResultAt, t, pick, t('listSep'))],
  ];
  return (
    <Card title={t('rules')}>
      <dl className="rules">
        {rows.map(([k, val]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{val}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
