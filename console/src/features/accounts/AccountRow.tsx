// One staff account: role, state (disabled, locked, must change password) and the admin's actions on it.
// Each action that locks someone out asks first; the server refuses an admin disabling or demoting themself.
import { useState } from 'react';
import type { StaffRole, StaffView } from '../../../../shared/views';
import { resetStaffPassword, unlockStaff, updateStaff } from '../../api/staff';
import { useI18n } from '../../i18n/I18n';
import { Badge, ErrorNote } from '../../ui/kit';
import { formatTime } from '../../ui/format';
import { RoleSelect } from './RoleSelect';

interface Props {
  account: StaffView;
  isMe: boolean;
  onChanged(): void;
  onPassword(username: string, oneTimePassword: string): void;
}

export function AccountRow({ account: a, isMe, onChanged, onPassword }: Props) {
  const { t } = useI18n();
  const [error, setError] = useState<Error | null>(null);
  const act = async (confirmText: string | null, run: () => Promise<unknown>) => {
    if (confirmText && !window.confirm(confirmText)) return;
    try {
      await run();
      setError(null);
      onChanged();
    } catch (err) {
      setError(err as Error);
    }
  };
  const setRole = (role: StaffRole) => act(t('roleConfirm', { name: a.displayName }), () => updateStaff(a.id, { role }));
  const reset = () =>
    act(t('resetConfirm', { name: a.displayName }), async () => {
      const { oneTimePassword } = await resetStaffPassword(a.id);
      onPassword(a.username, oneTimePassword);
    });
  const toggle = () =>
    act(a.disabled ? null : t('disableConfirm', { name: a.displayName }), () => updateStaff(a.id, { disabled: !a.disabled }));
  return (
    <tr data-testid={`account-${a.username}`}>
      <td>
        <strong>{a.displayName}</strong>
        {isMe && <span className="muted">（{t('itsYou')}）</span>}
        <ErrorNote error={error} />
      </td>
      <td className="mono">{a.username}</td>
      <td>
        <RoleSelect value={a.role} onChange={(r) => void setRole(r)} disabled={isMe || a.disabled} label={t('accountRoleOf', { name: a.displayName })} />
      </td>
      <td>
        <div className="badges">
          {a.disabled ? <Badge tone="bad">{t('accountDisabled')}</Badge> : <Badge tone="good">{t('accountActive')}</Badge>}
          {a.lockedUntil && <Badge tone="warn">{t('accountLocked', { time: formatTime(a.lockedUntil) })}</Badge>}
          {a.mustChangePassword && !a.disabled && <Badge tone="info">{t('accountMustChange')}</Badge>}
        </div>
      </td>
      <td>
        <div className="row-actions">
        {a.lockedUntil && (
          <button type="button" className="button button-small" onClick={() => void act(null, () => unlockStaff(a.id))}>
            {t('unlock')}
          </button>
        )}
        <button type="button" className="button button-small" onClick={() => void reset()} disabled={a.disabled}>
          {t('resetPassword')}
        </button>
        {!isMe && (
          <button type="button" className={`button button-small ${a.disabled ? '' : 'button-danger'}`} onClick={() => void toggle()}>
            {a.disabled ? t('enableAccount') : t('disableAccount')}
          </button>
        )}
        </div>
      </td>
    </tr>
  );
}
