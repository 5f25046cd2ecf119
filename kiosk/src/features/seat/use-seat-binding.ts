// The seat tablet's side of "bound for the sitting": its seat and that seat's deputy (the greeting), whom the server
// has bound the seat to (kept across votes and a reload: asked of the server, never kept here), the camera watch
// while bound, and the quick check that confirms each ballot with a fresh frame (no head turn).
import { useCallback, useEffect, useState } from 'react';
import type { SeatHomeView, UnboundReason } from '../../../../shared/seat-binding';
import type { RecognisedDeputy } from '../../../../shared/views';
import { seatCheck, seatHome } from '../../api/kiosk-api';
import { useSeatWatch } from './use-seat-watch';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Tries of the quick check when the frame shows no single face (the deputy looked away) or none came: about 5–10 s. */
const CHECK_TRIES = 40;

export type QuickCheck = { ok: true; voterToken: string } | { ok: false; why: 'unbound' | 'no_face' };

export interface SeatBinding {
  home: SeatHomeView | null;
  /** The deputy the seat is bound to now, or null (the next ballot needs a full identification). */
  voter: RecognisedDeputy | null;
  bind(deputy: RecognisedDeputy): void;
  /** The binding ended (the server said so): forget the deputy. */
  unbind(reason: UnboundReason): void;
  /** A ballot's quick check: a fresh frame to the server, a voter token for this one ballot back. */
  confirm(onLooking: () => void): Promise<QuickCheck>;
}

/**
 * `place`: the tablet's seat and sitting as the server last said (a clerk moving it reloads the greeting and binding);
 * `voteOpen`: the camera runs while a vote is open or the seat is bound, not between votes at an empty seat.
 */
export function useSeatBinding(place: { seatId: number | null; sittingId: number | null }, voteOpen: boolean, onUnbound: (reason: UnboundReason) => void): SeatBinding {
  const [home, setHome] = useState<SeatHomeView | null>(null);
  const [voter, setVoter] = useState<RecognisedDeputy | null>(null);

  useEffect(() => {
    let stop = false;
    seatHome()
      .then(({ body }) => {
        if (stop) return;
        setHome(body);
        setVoter(body.bound);
      })
      .catch(() => undefined);
    return () => {
      stop = true;
    };
  }, [place.seatId, place.sittingId]);

  const unbind = useCallback(
    (reason: UnboundReason) => {
      setVoter(null);
      onUnbound(reason);
    },
    [onUnbound],
  );
  const watch = useSeatWatch(voteOpen || voter !== null, voter !== null, home?.presenceEveryMs ?? 15_000, unbind);

  const confirm = useCallback(
    async (onLooking: () => void): Promise<QuickCheck> => {
      for (let i = 0; i < CHECK_TRIES; i++) {
        const frame = watch.grab();
        if (frame) {
          const { body } = await seatCheck(frame);
          if (body.status === 'confirmed') return { ok: true, voterToken: body.voterToken };
          if (body.status === 'unbound') {
            setVoter(null);
            return { ok: false, why: 'unbound' };
          }
          onLooking();
        }
        await sleep(frame ? 250 : 60);
      }
      return { ok: false, why: 'no_face' };
    },
    [watch],
  );

  return { home, voter, bind: setVoter, unbind, confirm };
}
