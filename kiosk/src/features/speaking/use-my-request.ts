// This tablet's own request to speak in its sitting: kept in localStorage so a reload still shows 排队中, and
// dropped once the server's queue no longer holds it (spoken, withdrawn or skipped) in a view made after the answer.
import { useCallback, useEffect, useState } from 'react';
import type { SeatSpeakingView } from '../../../../shared/speaking';

export interface MyRequest {
  requestId: number;
  deputyId: number;
  /** The server's clock when it answered: a view made before that may not hold the request yet. */
  at: number;
  /** The place the answer gave, until a pushed view says better. */
  position: number | null;
}

const keyOf = (sittingId: number) => `quorum.speech.${sittingId}`;

function load(sittingId: number): MyRequest | null {
  try {
    const raw = localStorage.getItem(keyOf(sittingId));
    return raw ? (JSON.parse(raw) as MyRequest) : null;
  } catch {
    return null;
  }
}

export function useMyRequest(sittingId: number, view: SeatSpeakingView | null) {
  const [mine, setMineState] = useState<MyRequest | null>(() => load(sittingId));
  const setMine = useCallback(
    (next: MyRequest | null) => {
      if (next) localStorage.setItem(keyOf(sittingId), JSON.stringify(next));
      else localStorage.removeItem(keyOf(sittingId));
      setMineState(next);
    },
    [sittingId],
  );
  const onFloor = !!mine && view?.floor?.id === mine.requestId;
  const index = mine && view ? view.queue.indexOf(mine.requestId) : -1;
  const finished = !!mine && !!view && view.serverNow > mine.at && !onFloor && index < 0;
  useEffect(() => {
    if (finished) setMine(null);
  }, [finished, setMine]);
  const position = index >= 0 ? index + 1 : view && mine && view.serverNow > mine.at ? null : mine?.position ?? null;
  return { mine: finished ? null : mine, setMine, onFloor, position };
}
