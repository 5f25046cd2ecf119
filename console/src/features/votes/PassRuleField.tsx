// The pass rule of a new vote: the body's rule for this kind, or a chosen base and fraction.
import { describePassRule, AT_LEAST_HALF, AT_LEAST_TWO_THIRDS, MORE_THAN_HALF, PASS_BASE_LABELS, describeFraction } from '../../../../shared/rules';
import type { BodyRules, Fraction, PassBase, PassRule, VoteKind } from '../../../../shared/types';
import { useI18n } from '../../i18n/I18n';
import { Field } from '../../ui/kit';

export function defaultRule(rules: BodyRules, kind: VoteKind): PassRule {
  return kind === 'election' ? rules.electionPass : kind === 'project' ? rules.projectPass : rules.resolutionPass;
}

const FRACTIONS: Fraction[] = [MORE_THAN_HALF, AT_LEAST_HALF, AT_LEAST_TWO_THIRDS];
const BASES: PassBase[] = ['all', 'present', 'cast'];
const key = (f: Fraction) => `${f.num}/${f.den}/${f.strict}`;

export function PassRuleField({ value, fallback, onChange }: { value: PassRule | null; fallback: PassRule; onChange(rule: PassRule | null): void }) {
  const { t, pick } = useI18n();
  const current = value ?? fallback;
  return (
    <div className="form-grid form-grid-3">
      <Field label={t('passRule')}>
        <select value={value ? 'custom' : 'default'} onChange={(e) => onChange(e.target.value === 'default' ? null : { ...fallback })}>
          <option value="default">
            {t('bodyDefault')}{t('colon')}{pick(describePassRule(fallback))}
          </option>
          <option value="custom">{t('customRule')}</option>
        </select>
      </Field>
      {value && (
        <>
          <Field label={t('passBase')}>
            <select value={current.base} onChange={(e) => onChange({ ...current, base: e.target.value as PassBase })}>
              {BASES.map((b) => (
                <option key={b} value={b}>
                  {pick(PASS_BASE_LABELS[b])}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('passFraction')}>
            <select value={key(current.fraction)} onChange={(e) => onChange({ ...current, fraction: FRACTIONS.find((f) => key(f) === e.target.value)! })}>
              {FRACTIONS.map((f) => (
                <option key={key(f)} value={key(f)}>
                  {pick(describeFraction(f))}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
    </div>
  );
}
