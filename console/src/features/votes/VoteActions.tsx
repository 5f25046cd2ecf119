// Life-cycle buttons. Closing fixes the result, so it asks first and says who has not pressed yet. Opening without quorum is refused by the server (ERR_QUORUM_NOT_MET); the chair may then
// open with an explicit reason, which the server stores on the vote and in the audit log.
import { useState } from 'react';
import type { VoteView } from '../../../../shared/views';
import { ApiError } from '../../api/http';
import { announceVote, cancelVote, closeVote, openVote } from '../../api/votes';
import { useI18n } from '../../i18n/I18n';
import { ConfirmDialog, ReasonDialog } from '../../ui/Modal';
import { ErrorNote } from '../../ui/kit';
import { useMay } from '../auth/session';

type Dialog = { kind: 'override'; message: string } | { kind: 'cancel' } | { kind: 'close' } | null;

export function VoteActions({ vote: v }: { vote: VoteView }) {
  const { t, server } = useI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const may = useMay();
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ERR_QUORUM_NOT_MET') setDialog({ kind: 'override', message: e.message });
      else setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  if (!may('runVotes')) return null;
  return (
    <>
      {v.state === 'draft' && (
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void run(() => openVote(v.id))}>
          {t('openVote')}
        </button>
      )}
      {v.state === 'open' && (
        <button type="button" className="button button-primary" disabled={busy} onClick={() => setDialog({ kind: 'close' })}>
          {t('closeVote')}
        </button>
      )}
      {v.state === 'closed' && (
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void run(() => announceVote(v.id))}>
          {t('announceVote')}
        </button>
      )}
      {(v.state === 'draft' || v.state === 'open') && (
        <button type="button" className="button button-ghost button-danger-text" disabled={busy} onClick={() => setDialog({ kind: 'cancel' })}>
          {t('cancelVote')}
        </button>
      )}
      <ErrorNote error={error} />
      {dialog?.kind === 'override' && (
        <ReasonDialog
          title={t('quorumNotMetTitle')}
          intro={
            <>
              <p className="warn-text">{server(dialog.message)}</p>
              <p>{t('overrideExplain')}</p>
            </>
          }
          label={t('overrideReason')}
          confirm={t('openAnyway')}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async (reason) => void (await openVote(v.id, reason))}
        />
      )}
      {dialog?.kind === 'close' && (
        <ConfirmDialog title={t('closeVoteTitle', { title: v.title })} confirm={t('closeVote')} onClose={() => setDialog(null)} onConfirm={async () => void (await closeVote(v.id))}>
          <p data-testid="close-vote-notice">
            {v.expected > v.cast ? t('closeVoteNotPressed', { n: v.expected - v.cast, m: v.expected }) : t('closeVoteAllPressed', { m: v.expected })}
          </p>
          <p>{t('closeVoteFinal')}</p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'cancel' && (
        <ReasonDialog
          title={t('cancelVoteTitle', { title: v.title })}
          label={t('cancelReason')}
          confirm={t('cancelVote')}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async (reason) => void (await cancelVote(v.id, reason))}
        />
      )}
    </>
  );
}
