// The three staff roles, each with what it may do (server/plugins/access.ts decides; this only names them).
import type { StaffRole } from '../../../../shared/views';
import { useI18n } from '../../i18n/I18n';
import type { DictKey } from '../../i18n/dict';

export const ROLE_LABELS: Record<StaffRole, DictKey> = { admin: 'roleAdmin', clerk: 'roleClerk', chair: 'roleChair' };
export const ROLE_RIGHTS: Record<StaffRole, DictKey> = { admin: 'rightsAdmin', clerk: 'rightsClerk', chair: 'rightsChair' };

export function RoleSelect({ value, onChange, disabled, label }: { value: StaffRole; onChange(role: StaffRole): void; disabled?: boolean; label?: string }) {
  const { t } = useI18n();
  return (
    <select name="role" aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as StaffRole)} title={t(ROLE_RIGHTS[value])}>
      {(['clerk', 'chair', 'admin'] as const).map((r) => (
        <option key={r} value={r}>
          {t(ROLE_LABELS[r])}
        </option>
      ))}
    </select>
  );
}
