// Accounts and settings (admins): every staff member gets their own sign-in (no shared admin login), and the
// evidence photo retention. Others see a plain refusal; the server refuses them anyway.
import { useState } from 'react';
import { listStaff } from '../../api/staff';
import { useI18n } from '../../i18n/I18n';
import { Card, Empty, ErrorNote, Loading } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';
import { useSession } from '../auth/session';
import { AccountRow } from './AccountRow';
import { CreateAccountForm } from './CreateAccountForm';
import { OneTimePassword } from './OneTimePassword';
import { RetentionCard } from './RetentionCard';

export function AccountsPage() {
  const { t } = useI18n();
  const { staff: me } = useSession();
  const accounts = useAsync(() => (me.role === 'admin' ? listStaff() : Promise.resolve([])), [me.role]);
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);
  if (me.role !== 'admin') return <Empty>{t('adminsOnly')}</Empty>;
  return (
    <div className="stack">
      <h1 className="page-title">{t('accountsTitle')}</h1>
      <Card title={t('accounts')}>
        <ErrorNote error={accounts.error} />
        {!accounts.data && <Loading />}
        {accounts.data && (
          <table className="table" data-testid="account-table">
            <thead>
              <tr>
                <th>{t('displayName')}</th>
                <th>{t('username')}</th>
                <th>{t('accountRole')}</th>
                <th>{t('status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {accounts.data.map((a) => (
                <AccountRow key={a.id} account={a} isMe={a.id === me.id} onChanged={accounts.reload} onPassword={(username, password) => setShown({ username, password })} />
              ))}
            </tbody>
          </table>
        )}
        <p className="muted">{t('rolesExplained')}</p>
      </Card>
      <Card title={t('createAccount')}>
        <CreateAccountForm
          onCreated={(s, password) => {
            accounts.reload();
            setShown({ username: s.username, password });
          }}
        />
      </Card>
      <RetentionCard />
      {shown && <OneTimePassword username={shown.username} password={shown.password} onClose={() => setShown(null)} />}
    </div>
  );
}
