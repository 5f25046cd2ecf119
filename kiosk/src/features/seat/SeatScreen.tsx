// Seat voting: the open vote of this tablet's sitting in large type; the deputy confirms who they are by face,
// marks, confirms, and sees "投票成功" once the server has the ballot. The ballot goes over the tablet's live socket
// and is sent again with the same clientId after a dropped connection until answered (counted once); a vote that
// closes shows "表决已结束"; between votes, the current agenda item (当前议程) and "暂无表决".
import { useCallback, useEffect, useMemo, useState } from 'react';
import { CastFailed } from '../../../../shared/live-casts';
import type { DeviceView, VoteView } from '../../../../shared/views';
import { newClientId } from '../../api/kiosk-api';
import { useI18n, type MessageKey } from '../../i18n';
import { meetingLine } from '../../realtime/meeting-line';
import { isDisconnected, type Live } from '../../realtime/use-live';
import { OfflineBanner, TopBar } from '../../ui/TopBar';
import { checkDraft, contentOf, emptyDraft, type Draft } from './ballot-model';
import { ballotSecret, rememberCast } from './ballot-secret';
import { useBallotTracker } from './use-ballot-tracker';
import { BallotForm } from './BallotForm';
import { ConfirmView } from './ConfirmView';
import { IdentifyPanel, type Identified } from './IdentifyPanel';
import { VoteHeader } from './VoteHeader';
import { DocumentsButton } from '../documents/DocumentsButton';
import { ClosedView, VotedView, WaitingView } from './SeatViews';
import { SpeakingBar } from '../speaking/SpeakingBar';
import { CurrentItem, currentOf } from './CurrentItem';

type Phase =
  | { kind: 'identify'; notice: MessageKey | null; resume: boolean }
  | { kind: 'ballot' }
  | { kind: 'confirm' }
  | { kind: 'sending' }
  | { kind: 'voted'; changed: boolean }
  | { kind: 'error'; message: string };

/** A recognised deputy is forgotten after this long without a touch: the next person must show a face. */
const VOTER_IDLE_MS = 60_000;
const CLOSED_NOTICE_MS = 5000;

const identify = (notice: MessageKey | null = null, resume = false): Phase => ({ kind: 'identify', notice, resume });

export function SeatScreen({ device, live }: { device: DeviceView; live: Live }) {
  const { t } = useI18n();
  const [voteId, setVoteId] = useState<number | null>(null);
  const [closed, setClosed] = useState<VoteView | null>(null);
  const [voter, setVoter] = useState<Identified | null>(null);
  const [phase, setPhase] = useState<Phase>(identify());
  const [draft, setDraft] = useState<Draft>(emptyDraft());
  const [retrying, setRetrying] = useState(false);
  const [touchedAt, setTouchedAt] = useState(0);

  const openVotes = useMemo(
    () => (live.state?.votes ?? []).filter((v) => v.sittingId === device.sittingId && v.state === 'open').sort((a, b) => a.id - b.id),
    [live.state, device.sittingId],
  );
  const vote = live.state?.votes.find((v) => v.id === voteId) ?? null;
  const tracked = useBallotTracker(live.state?.votes ?? null);
  const current = currentOf(live.state, device.sittingId);

  // Follow the live state: a vote that closes under the deputy, and the next open vote.
  useEffect(() => {
    if (vote && vote.state !== 'open' && phase.kind !== 'sending') {
      setClosed(vote);
      setVoteId(null);
      setDraft(emptyDraft());
      setPhase(identify());
    } else if (voteId === null && !closed && openVotes[0]) {
      setVoteId(openVotes[0].id);
      setDraft(emptyDraft());
      setPhase(voter ? { kind: 'ballot' } : identify());
    }
  }, [vote, voteId, closed, openVotes, phase.kind, voter]);

  useEffect(() => {
    if (!closed) return;
    const timer = setTimeout(() => setClosed(null), CLOSED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [closed]);

  useEffect(() => {
    if (!voter || phase.kind === 'sending') return;
    const timer = setTimeout(() => {
      setVoter(null);
      if (phase.kind !== 'voted') {
        setDraft(emptyDraft());
        setPhase(identify());
      }
    }, VOTER_IDLE_MS);
    return () => clearTimeout(timer);
  }, [voter, phase, touchedAt]);

  const onIdentified = useCallback(
    (who: Identified) => {
      const same = voter?.deputy.id === who.deputy.id;
      setVoter(who);
      setPhase((p) => (p.kind === 'identify' && p.resume && same ? { kind: 'confirm' } : { kind: 'ballot' }));
      if (!same) setDraft(emptyDraft());
    },
    [voter],
  );

  const send = async () => {
    if (!vote || !voter) return;
    const check = checkDraft(vote, draft);
    if (!check.ok) return setPhase({ kind: 'error', message: check.message.split(' / ')[0]! });
    setPhase({ kind: 'sending' });
    // Built once: every retry sends this very body, so the server counts it once whatever is lost on the way.
    const body = {
      clientId: newClientId(),
      voterToken: voter.voterToken,
      content: contentOf(draft),
      ...(vote.secrecy === 'secret' ? { ballotSecret: ballotSecret(vote.id, voter.deputy.id) } : {}),
    };
    try {
      if (!live.cast) throw new Error(t('offline'));
      const reply = await live.cast(vote.id, body, () => setRetrying(true));
      if (vote.secrecy === 'secret') rememberCast(vote.id, voter.deputy.id, body.content);
      setPhase({ kind: 'voted', changed: reply.outcome === 'changed' });
    } catch (err) {
      const code = err instanceof CastFailed ? err.code : null;
      if (code === 'ERR_VOTE_NOT_OPEN') {
        setClosed(vote);
        setVoteId(null);
        setPhase(identify());
      } else if (code === 'ERR_UNAUTHORIZED') setPhase(identify('reidentify', true));
      else if (code === 'ERR_ALREADY_VOTED') setPhase({ kind: 'error', message: t('alreadyVoted') });
      else if (code === 'ERR_NOT_CHECKED_IN') setPhase({ kind: 'error', message: t('notCheckedIn') });
      else setPhase({ kind: 'error', message: t('failed', { message: err instanceof Error ? err.message.split(' / ')[0]! : String(err) }) });
    } finally {
      setRetrying(false);
    }
  };

  let body: React.ReactNode;
  if (closed) body = <ClosedView vote={closed} tracker={tracked.get(closed.id) ?? null} />;
  else if (!vote) body = <WaitingView current={current} />;
  else if (phase.kind === 'identify')
    body = (
      <div className="seat-split">
        <CurrentItem item={current} compact />
        <VoteHeader vote={vote} />
        <IdentifyPanel notice={phase.notice} onIdentified={onIdentified} onRetrying={setRetrying} />
      </div>
    );
  else if (phase.kind === 'ballot')
    body = (
      <div className="seat-ballot" data-screen={`ballot-${vote.kind}`}>
        <CurrentItem item={current} compact />
        <VoteHeader vote={vote} compact={vote.kind !== 'resolution'} />
        <BallotForm vote={vote} draft={draft} onChange={setDraft} onNext={() => setPhase({ kind: 'confirm' })} />
      </div>
    );
  else if (phase.kind === 'confirm')
    body = (
      <div className="seat-ballot">
        <CurrentItem item={current} compact />
        <VoteHeader vote={vote} compact />
        <ConfirmView vote={vote} draft={draft} onBack={() => setPhase({ kind: 'ballot' })} onConfirm={() => void send()} />
      </div>
    );
  else if (phase.kind === 'sending')
    body = (
      <div className="screen center" data-screen="sending">
        <div className="spinner" aria-hidden="true" />
        <p className="huge">{t('sending')}</p>
      </div>
    );
  else if (phase.kind === 'voted')
    body = (
      <VotedView
        vote={vote}
        changed={phase.changed}
        nextVote={openVotes.find((v) => v.id !== vote.id) ?? null}
        onChange={vote.changePolicy === 'last' ? () => setPhase(voter ? { kind: 'ballot' } : identify()) : null}
        onNext={(id) => {
          setVoteId(id);
          setDraft(emptyDraft());
          setPhase(voter ? { kind: 'ballot' } : identify());
        }}
      />
    );
  else
    body = (
      <div className="screen center" data-screen="error">
        <p className="huge warn-text">{phase.message}</p>
        <button type="button" className="btn secondary xl" onClick={() => setPhase(voter ? { kind: 'ballot' } : identify())}>
          {t('back')}
        </button>
      </div>
    );

  return (
    <div className="app seat" data-screen="seat" onPointerDown={() => setTouchedAt(Date.now())}>
      <TopBar title={t('seatTitle')} subtitle={meetingLine(live.state, device)}>
        {voter && <span className="pill voter">{`${voter.deputy.name}${t('deputySuffix')}`}</span>}
        {device.seat && <span className="pill">{t('seatLabel', { seat: device.seat })}</span>}
        <DocumentsButton />
      </TopBar>
      <OfflineBanner show={isDisconnected(live)} retrying={retrying} />
      <main className="seat-main">{body}</main>
      {device.sittingId !== null && (
        <SpeakingBar device={{ ...device, sittingId: device.sittingId }} live={live} voter={voter} onIdentified={(who) => setVoter(who)} seatIdentifying={!!vote && phase.kind === 'identify'} />
      )}
    </div>
  );
}
