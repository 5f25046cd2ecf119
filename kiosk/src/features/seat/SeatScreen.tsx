// Seat voting: the open vote of this tablet's sitting in large type. The tablet greets its seat's deputy (本座位：
// 王某某代表); the deputy confirms who they are once by face (head turn), which binds the seat to them for the sitting;
// each ballot is then confirmed by one fresh frame at 确认 (use-seat-binding), and "投票成功" shows once the server has it. The ballot goes over the tablet's live socket
// and is sent again with the same clientId after a dropped connection until answered (counted once); a vote that
// closes shows "表决已结束"; between votes, the seat's greeting, the current agenda item (当前议程) and "暂无表决".
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
import { useSeatBinding } from './use-seat-binding';
import { mark } from '../../timeline';
import { ClosedView, VotedView, WaitingView } from './SeatViews';
import { SpeakingBar } from '../speaking/SpeakingBar';
import { CurrentItem, currentOf } from './CurrentItem';

type Phase =
  | { kind: 'identify'; notice: MessageKey | null; resume: boolean }
  | { kind: 'looking' }
  | { kind: 'ballot' }
  | { kind: 'confirm' }
  | { kind: 'sending' }
  | { kind: 'voted'; changed: boolean }
  | { kind: 'error'; message: string };

const CLOSED_NOTICE_MS = 5000;

const identify = (notice: MessageKey | null = null, resume = false): Phase => ({ kind: 'identify', notice, resume });

export function SeatScreen({ device, live }: { device: DeviceView; live: Live }) {
  const { t } = useI18n();
  const [voteId, setVoteId] = useState<number | null>(null);
  const [closed, setClosed] = useState<VoteView | null>(null);
  const [phase, setPhase] = useState<Phase>(identify());
  const [draft, setDraft] = useState<Draft>(emptyDraft());
  const [retrying, setRetrying] = useState(false);
  const openVotes = useMemo(
    () => (live.state?.votes ?? []).filter((v) => v.sittingId === device.sittingId && v.state === 'open').sort((a, b) => a.id - b.id),
    [live.state, device.sittingId],
  );
  // The server ended the binding (another face, a copy, no face for the timeout): a ballot under way resumes after
  // the deputy identifies again; otherwise the next ballot asks for it.
  const onUnbound = useCallback(() => setPhase((p) => (p.kind === 'ballot' || p.kind === 'confirm' ? identify('seatUnbound', true) : p)), []);
  const seat = useSeatBinding(device, openVotes.length > 0, onUnbound);
  const voter = seat.voter;

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

  const lastVoter = useRef<number | null>(null);
  const { bind } = seat;
  const onIdentified = useCallback(
    (who: Identified) => {
      const same = lastVoter.current === who.deputy.id;
      lastVoter.current = who.deputy.id;
      bind(who.deputy);
      setPhase((p) => (p.kind === 'identify' && p.resume && same ? { kind: 'confirm' } : { kind: 'ballot' }));
      if (!same) setDraft(emptyDraft());
    },
    [bind],
  );

  const send = async () => {
    if (!vote || !voter) return;
    const check = checkDraft(vote, draft);
    if (!check.ok) return setPhase({ kind: 'error', message: check.message.split(' / ')[0]! });
    setPhase({ kind: 'sending' });
    mark('confirm-pressed');
    const checked = await seat.confirm(() => setPhase({ kind: 'looking' })).catch(() => null);
    if (!checked?.ok) {
      if (checked?.why === 'no_face') return setPhase({ kind: 'error', message: t('seatLookAtCamera') });
      return setPhase(checked ? identify('seatUnbound', true) : { kind: 'error', message: t('failed', { message: t('offline') }) });
    }
    setPhase({ kind: 'sending' });
    // Built once: every retry sends this very body, so the server counts it once whatever is lost on the way.
    const body = {
      clientId: newClientId(),
      voterToken: checked.voterToken,
      content: contentOf(draft),
      ...(vote.secrecy === 'secret' ? { ballotSecret: ballotSecret(vote.id, voter.id) } : {}),
    };
    try {
      if (!live.cast) throw new Error(t('offline'));
      const reply = await live.cast(vote.id, body, () => setRetrying(true));
      if (vote.secrecy === 'secret') rememberCast(vote.id, voter.id, body.content);
      mark('vote-recorded');
      setPhase({ kind: 'voted', changed: reply.outcome === 'changed' });
    } catch (err) {
      const code = err instanceof CastFailed ? err.code : null;
      if (code === 'ERR_VOTE_NOT_OPEN') {
        setClosed(vote);
        setVoteId(null);
        setPhase(identify());
      } else if (code === 'ERR_UNAUTHORIZED') {
        seat.unbind('none');
        setPhase(identify('seatUnbound', true));
      }
      else if (code === 'ERR_ALREADY_VOTED') setPhase({ kind: 'error', message: t('alreadyVoted') });
      else if (code === 'ERR_NOT_CHECKED_IN') setPhase({ kind: 'error', message: t('notCheckedIn') });
      else setPhase({ kind: 'error', message: t('failed', { message: err instanceof Error ? err.message.split(' / ')[0]! : String(err) }) });
    } finally {
      setRetrying(false);
    }
  };

  let body: React.ReactNode;
  // While the deputy marks and confirms a ballot the speaking strip steps aside: the ballot needs the whole screen
  // (an election's write-in box sat under the strip at 1280×800).
  const marking = !closed && !!vote && ['ballot', 'confirm', 'looking', 'sending'].includes(phase.kind);
  const greeting = seat.home?.seatDeputy ? t('seatGreeting', { name: seat.home.seatDeputy.name }) : null;
  if (closed) body = <ClosedView vote={closed} tracker={tracked.get(closed.id) ?? null} />;
  else if (!vote) body = <WaitingView current={current} greeting={greeting} />;
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
  else if (phase.kind === 'looking')
    body = (
      <div className="screen center" data-screen="looking">
        <p className="huge">{t('seatLookAtCamera')}</p>
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
    <div className="app seat" data-screen="seat">
      <TopBar title={t('seatTitle')} subtitle={meetingLine(live.state, device)}>
        {voter ? (
          <span className="pill voter" data-bound={voter.id}>
            {`${voter.name}${t('deputySuffix')}`}
          </span>
        ) : (
          greeting && (
            <span className="pill" data-greeting>
              {greeting}
            </span>
          )
        )}
        {(seat.home?.seatLabel ?? device.seat) && <span className="pill">{t('seatLabel', { seat: seat.home?.seatLabel ?? device.seat ?? '' })}</span>}
        <DocumentsButton />
      </TopBar>
      <OfflineBanner show={isDisconnected(live)} retrying={retrying} />
      <main className="seat-main">{body}</main>
      {device.sittingId !== null && !marking && (
        <SpeakingBar
          device={{ ...device, sittingId: device.sittingId }}
          live={live}
          voter={voter}
          confirm={async () => {
            const checked = await seat.confirm(() => undefined).catch(() => null);
            return checked?.ok ? checked.voterToken : null;
          }}
          onIdentified={onIdentified}
          seatIdentifying={!!vote && phase.kind === 'identify'}
        />
      )}
    </div>
  );
}
