// A body's vote rules, editable by an admin: each rule with the legal default and why it is the default, so a
// change is a decision, not an accident. Saving writes an audit entry; votes already opened keep their rules.
import { useState, type FormEvent, type ReactNode } from 'react';
import { DEFAULT_BODY_RULES, describePassRule } from '../../../../shared/rules';
import type { BodyRules, PassRule } from '../../../../shared/types';
import type { BodyView } from '../../../../shared/views';
import { updateRules } from '../../api/bodies';
import { useI18n } from '../../i18n/I18n';
import type { DictKey } from '../../i18n/dict';
import { Card, ErrorNote } from '../../ui/kit';
import { BaseSelect, FractionSelect } from './FractionSelect';
import { ScreenTimingInputs } from './ScreenTiming';

type PassKey = 'resolutionPass' | 'electionPass' | 'projectPass';
const PASS_ROWS: Array<[PassKey, DictKey, DictKey]> = [
  ['resolutionPass', 'ruleResolution', 'whyResolution'],
  ['electionPass', 'ruleElection', 'whyElection'],
  ['projectPass', 'ruleProject', 'whyProject'],
];

function RuleRow({ label, why, children }: { label: string; why: string; children: ReactNode }) {
  return (
    <div className="rule-row">
      <div className="rule-label">{label}</div>
      <div className="rule-inputs">{children}</div>
      <p className="rule-why">{why}</p>
    </div>
  );
}

export function RulesForm({ body, onSaved }: { body: BodyView; onSaved(b: BodyView): void }) {
  const { t, pick } = useI18n();
  const [rules, setRules] = useState<BodyRules>(() => structuredClone(body.rules));
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const change = (next: BodyRules) => (setRules(next), setSaved(false));
  const setPass = (k: PassKey, rule: PassRule) => change({ ...rules, [k]: rule });
  const v = rules.ratingVerdict;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const b = await updateRules(body.id, rules);
      setError(null);
      setSaved(true);
      onSaved(b);
    } catch (err) {
      setError(err as Error);
    }
  };
  const legal = (rule: PassRule) => `${t('legalDefault')}${t('colon')}${pick(describePassRule(rule))}${t('fullStop')}`;
  return (
    <Card title={t('rules')} className="rules-form">
      <form onSubmit={submit} aria-label={t('rules')}>
        <RuleRow label={t('ruleQuorum')} why={t('whyQuorum')}>
          <span>{t('quorumOf')}</span>
          <FractionSelect label={t('ruleQuorum')} value={rules.quorum} onChange={(f) => change({ ...rules, quorum: f })} />
          <span>{t('quorumPresent')}</span>
        </RuleRow>
        {PASS_ROWS.map(([k, label, why]) => (
          <RuleRow key={k} label={t(label)} why={`${t(why)}${t('sentenceGap')}${legal(DEFAULT_BODY_RULES[k])}`}>
            <BaseSelect label={`${t(label)} ${t('passBase')}`} value={rules[k].base} onChange={(base) => setPass(k, { ...rules[k], base })} />
            <span>{t('of')}</span>
            <FractionSelect label={`${t(label)} ${t('passFraction')}`} value={rules[k].fraction} onChange={(fraction) => setPass(k, { ...rules[k], fraction })} />
          </RuleRow>
        ))}
        <RuleRow label={t('ruleRating')} why={t('whyRating')}>
          <BaseSelect label={`${t('ruleRating')} ${t('passBase')}`} value={v.base} onChange={(base) => change({ ...rules, ratingVerdict: { ...v, base } })} />
          <span>{t('ratingSatisfied')}</span>
          <FractionSelect label={t('ratingSatisfied')} value={v.satisfied} onChange={(f) => change({ ...rules, ratingVerdict: { ...v, satisfied: f } })} />
          <span>{t('ratingBasic')}</span>
          <FractionSelect label={t('ratingBasic')} value={v.basicallySatisfied} onChange={(f) => change({ ...rules, ratingVerdict: { ...v, basicallySatisfied: f } })} />
        </RuleRow>
        <RuleRow label={t('ruleNotVoted')} why={t('whyNotVoted')}>
          <label className="check">
            <input type="checkbox" name="showNotVoted" checked={rules.showNotVoted} onChange={(e) => change({ ...rules, showNotVoted: e.target.checked })} />
            {t('yesShown')}
          </label>
        </RuleRow>
        <RuleRow label={t('ruleScreenResult')} why={t('whyScreenResult')}>
          <ScreenTimingInputs value={rules.screenResultAt} onChange={(screenResultAt) => change({ ...rules, screenResultAt })} />
        </RuleRow>
        <ErrorNote error={error} />
        <div className="form-actions">
          <button type="button" className="button" onClick={() => change(structuredClone(DEFAULT_BODY_RULES) as BodyRules)}>
            {t('restoreLegalDefaults')}
          </button>
          <button type="submit" className="button button-primary">
            {t('saveRules')}
          </button>
          {saved && <span className="saved-note">{t('saved')}</span>}
        </div>
      </form>
    </Card>
  );
}
