// A fraction as a congress writes it (过半数, 半数以上, 三分之二以上 …); a body's unusual fraction stays listed.
import { AT_LEAST_HALF, AT_LEAST_TWO_THIRDS, MORE_THAN_HALF, describeFraction } from '../../../../shared/rules';
import type { Fraction, PassBase } from '../../../../shared/types';
import { PASS_BASE_LABELS } from '../../../../shared/rules';
import { useI18n } from '../../i18n/I18n';

const MORE_THAN_TWO_THIRDS: Fraction = { num: 2, den: 3, strict: true };
const AT_LEAST_THREE_QUARTERS: Fraction = { num: 3, den: 4, strict: false };
const COMMON = [MORE_THAN_HALF, AT_LEAST_HALF, AT_LEAST_TWO_THIRDS, MORE_THAN_TWO_THIRDS, AT_LEAST_THREE_QUARTERS];
const key = (f: Fraction) => `${f.num}/${f.den}/${f.strict}`;

export function FractionSelect({ value, onChange, label }: { value: Fraction; onChange(f: Fraction): void; label: string }) {
  const { pick } = useI18n();
  const choices = COMMON.some((f) => key(f) === key(value)) ? COMMON : [value, ...COMMON];
  return (
    <select aria-label={label} value={key(value)} onChange={(e) => onChange({ ...choices.find((f) => key(f) === e.target.value)! })}>
      {choices.map((f) => (
        <option key={key(f)} value={key(f)}>
          {pick(describeFraction(f))}
        </option>
      ))}
    </select>
  );
}

const BASES: PassBase[] = ['all', 'present', 'cast'];

export function BaseSelect({ value, onChange, label }: { value: PassBase; onChange(b: PassBase): void; label: string }) {
  const { pick } = useI18n();
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as PassBase)}>
      {BASES.map((b) => (
        <option key={b} value={b}>
          {pick(PASS_BASE_LABELS[b])}
        </option>
      ))}
    </select>
  );
}
