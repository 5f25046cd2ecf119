// When the big screen shows a result, per vote kind: at close (the NPC's practice for resolutions, shown the moment
// the voting ends) or once the chair announces it (elections: the count is checked before the names are read out).
import { KIND_LABELS } from '../../../../shared/labels';
import type { ScreenResultAt, VoteKind } from '../../../../shared/types';
import { useI18n } from '../../i18n/I18n';

const KINDS: VoteKind[] = ['resolution', 'project', 'election', 'rating'];
const WHEN_KEYS = { close: 'screenAtClose', announce: 'screenAtAnnounce' } as const;

export function ScreenTimingInputs({ value, onChange }: { value: Record<VoteKind, ScreenResultAt>; onChange(next: Record<VoteKind, ScreenResultAt>): void }) {
  const { t, pick } = useI18n();
  return (
    <span className="screen-timing">
      {KINDS.map((kind) => (
        <label key={kind} className="check">
          {pick(KIND_LABELS[kind])}
          <select name={`screenResultAt-${kind}`} value={value[kind]} onChange={(e) => onChange({ ...value, [kind]: e.target.value as ScreenResultAt })}>
            <option value="close">{t('screenAtClose')}</option>
            <option value="announce">{t('screenAtAnnounce')}</option>
          </select>
        </label>
      ))}
    </span>
  );
}

/** The setting in words, for those who may read the rules but not change them. */
export function screenTimingText(value: Record<VoteKind, ScreenResultAt>, t: (key: (typeof WHEN_KEYS)[ScreenResultAt]) => string, pick: (b: { zh: string; en: string }) => string, sep: string): string {
  return KINDS.map((kind) => `${pick(KIND_LABELS[kind])}${t(WHEN_KEYS[value[kind]])}`).join(sep);
}
