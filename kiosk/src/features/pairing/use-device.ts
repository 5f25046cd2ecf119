// Which tablet this is: no token → ask to pair and show the code; pending (403) → keep showing the code and poll;
// paired (200) → the device view; revoked or unknown (401, from any call) → forget the token and pair again.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeviceView } from '../../../../shared/views';
import { ApiError, onUnauthorized } from '../../api/client';
import { clearToken, newToken, readToken, tokenAgeMs } from '../../api/device-token';
import { forgetAllBallots } from '../seat/ballot-secret';
import { requestPairing, whoAmI } from '../../api/kiosk-api';

export type DeviceState =
  | { kind: 'loading' }
  | { kind: 'pairing'; code: string | null; revoked: boolean }
  | { kind: 'active'; device: DeviceView };

const PENDING_POLL_MS = 2000;
const ACTIVE_POLL_MS = 5000;
/** The server forgets a code after 10 minutes; ask for a new one a little before. */
const PENDING_MAX_MS = 9 * 60 * 1000;

function codeOf(details: unknown): string | null {
  const code = (details as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : null;
}

export function useDevice(): DeviceState {
  const [state, setState] = useState<DeviceState>({ kind: 'loading' });
  const stateRef = useRef(state);
  stateRef.current = state;
  const running = useRef(false);

  const step = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      let token = readToken();
      const wasActive = stateRef.current.kind === 'active';
      if (!token || (stateRef.current.kind === 'pairing' && tokenAgeMs() > PENDING_MAX_MS && !wasActive)) {
        token = newToken();
        const { body } = await requestPairing(token);
        setState({ kind: 'pairing', code: body.code, revoked: stateRef.current.kind === 'pairing' && stateRef.current.revoked });
        return;
      }
      try {
        const { body } = await whoAmI();
        setState((s) => (s.kind === 'active' && JSON.stringify(s.device) === JSON.stringify(body) ? s : { kind: 'active', device: body }));
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        if (err.status === 403) setState({ kind: 'pairing', code: codeOf(err.details), revoked: false });
        else if (err.status === 401) {
          clearToken();
          forgetAllBallots(); // unpaired or revoked: no ballot secret stays on the tablet
          setState({ kind: 'pairing', code: null, revoked: wasActive || (stateRef.current.kind === 'pairing' && stateRef.current.revoked) });
          running.current = false;
          await step();
        }
        // No answer: keep what we have and try again at the next tick.
      }
    } catch {
      // network down while asking for a code: the next tick tries again
    } finally {
      running.current = false;
    }
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const loop = async () => {
      await step();
      if (!stopped) timer = setTimeout(loop, stateRef.current.kind === 'active' ? ACTIVE_POLL_MS : PENDING_POLL_MS);
    };
    void loop();
    const off = onUnauthorized(() => void step());
    return () => {
      stopped = true;
      clearTimeout(timer);
      off();
    };
  }, [step]);

  return state;
}
