// 发言 at the seat: a strip under the seat screen. 申请发言 (on the current agenda item, or 申请提问 in an inquiry),
// 排队中 第 N 位 with 撤回 while queued, 请发言 with the time left once the chair gives this deputy the floor, and who
// speaks otherwise. Asking needs the deputy recognised here (a voter token): a seat bound to its deputy confirms
// with one fresh frame (the quick check); a deputy not yet recognised looks at the camera first — the seat screen's
// own identification when it shows one (a vote is open), else this strip's.
import { useCallback, useEffect, useRef, useState } from 'react';
import { currentItem } from '../../../../shared/agenda';
import type { DeviceView, RecognisedDeputy } from '../../../../shared/views';
import { ApiError } from '../../api/client';
import { newClientId } from '../../api/kiosk-api';
import { useI18n } from '../../i18n';
import type { Live } from '../../realtime/use-live';
import { IdentifyPanel, type Identified } from '../seat/IdentifyPanel';
import { FloorCountdown } from './FloorCountdown';
import { askToSpeak, withdrawSpeech } from './speaking-api';
import { useMyRequest } from './use-my-request';
import { speakingWords } from './words';

interface Props {
  device: DeviceView & { sittingId: number };
  live: Live;
  /** The deputy the seat is bound to, or null. */
  voter: RecognisedDeputy | null;
  /** The bound seat's quick check: a voter token for one request, or null (the binding ended: identify again). */
  confirm(): Promise<string | null>;
  onIdentified(who: Identified): void;
  /** The seat screen is showing its own face identification now (one camera, one capture at a time). */
  seatIdentifying: boolean;
}

type Ask = { agendaItemId?: number };
/** What waits for the deputy to be recognised: a request (on an item or not), or the withdrawal of theirs. */
type Pending = { ask: Ask } | { withdraw: true };

export function SpeakingBar({ device, live, voter, confirm, onIdentified, seatIdentifying }: Props) {
  const { lang } = useI18n();
  const w = speakingWords(lang);
  const view = live.speaking?.sittingId === device.sittingId ? live.speaking : null;
  const { mine, setMine, onFloor, position } = useMyRequest(device.sittingId, view);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const item = currentItem(live.state?.agenda?.find((a) => a.sittingId === device.sittingId));

  const send = useCallback(
    async (ask: Ask, who: { voterToken: string; deputyId: number }) => {
      setPending(null);
      setBusy(true);
      setError(null);
      try {
        const { body } = await askToSpeak({ clientId: newClientId(), voterToken: who.voterToken, ...ask });
        setMine({ requestId: body.requestId, deputyId: who.deputyId, at: body.at, position: body.position });
      } catch (err) {
        const notIn = err instanceof ApiError && err.code === 'ERR_NOT_CHECKED_IN';
        setError(notIn ? w('notCheckedIn') : w('failed', { message: err instanceof Error ? err.message.split(' / ')[0]! : String(err) }));
      } finally {
        setBusy(false);
      }
    },
    [setMine, w],
  );

  const withdraw = useCallback(
    async (voterToken: string) => {
      setPending(null);
      if (!mine) return;
      setBusy(true);
      try {
        await withdrawSpeech(mine.requestId, voterToken);
        setMine(null);
      } catch (err) {
        setError(w('failed', { message: err instanceof Error ? err.message.split(' / ')[0]! : String(err) }));
      } finally {
        setBusy(false);
      }
    },
    [mine, setMine, w],
  );

  // What the deputy tapped goes with a token: the bound seat's quick check, else a full identification first.
  const go = useCallback(
    async (what: Pending) => {
      const token = voter ? await confirm() : null;
      if (!token || !voter) return setPending(what);
      if ('ask' in what) await send(what.ask, { voterToken: token, deputyId: voter.id });
      else await withdraw(token);
    },
    [voter, confirm, send, withdraw],
  );
  const identified = (who: Identified) => {
    onIdentified(who);
    if (pending && 'ask' in pending) void send(pending.ask, { voterToken: who.voterToken, deputyId: who.deputy.id });
    else if (pending) void withdraw(who.voterToken);
  };
  // Recognised by the seat screen's own identification (a vote was open): the seat has just been bound, so go on.
  const wasBound = useRef(voter !== null);
  useEffect(() => {
    const bound = voter !== null;
    if (bound && !wasBound.current && pending) void go(pending);
    wasBound.current = bound;
  }, [pending, voter, go]);

  const floor = view?.floor ?? null;
  let body: React.ReactNode;
  if (mine && onFloor && floor && view) {
    body = (
      <div className="speak-floor mine" data-screen="speak-floor">
        <strong className="speak-now">{w('yourTurn')}</strong>
        <FloorCountdown endsAt={floor.endsAt} serverNow={view.serverNow} receivedAt={view.receivedAt} label={w('timeLeft')} over={w('overtime')} />
      </div>
    );
  } else if (mine) {
    body = (
      <div className="speak-queued" data-screen="speak-queued">
        <strong className="speak-place">{position ? w('queued', { n: position }) : w('queuedHint')}</strong>
        <button type="button" className="btn secondary" disabled={busy} onClick={() => void go({ withdraw: true })}>
          {w('withdraw')}
        </button>
      </div>
    );
  } else {
    const asks: Array<{ label: string; ask: Ask }> =
      item?.kind === 'inquiry'
        ? [{ label: w('askQuestion'), ask: { agendaItemId: item.id } }]
        : [...(item ? [{ label: w('askOnItem'), ask: { agendaItemId: item.id } }] : []), { label: w('ask'), ask: {} }];
    body = (
      <div className="speak-ask" data-screen="speak-ask">
        {floor && <span className="speak-other">{w('speakingNow', { name: floor.name })}</span>}
        {asks.map(({ label, ask }) => (
          <button key={label} type="button" className="btn primary" disabled={busy || !!pending} onClick={() => void go({ ask })}>
            {label}
          </button>
        ))}
      </div>
    );
  }
  return (
    <section className="speak-bar" aria-label={w('ask')}>
      {body}
      {error && <p className="speak-error warn-text">{error}</p>}
      {pending && !voter && !seatIdentifying && (
        <div className="speak-identify" data-screen="speak-identify">
          <p className="lead">{w('identifyToAsk')}</p>
          <IdentifyPanel notice={null} onIdentified={identified} onRetrying={() => undefined} />
          <button type="button" className="btn secondary" onClick={() => setPending(null)}>
            {w('cancel')}
          </button>
        </div>
      )}
      {pending && !voter && seatIdentifying && <p className="lead">{w('identifyToAsk')}</p>}
    </section>
  );
}
