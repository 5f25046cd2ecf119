// Which tablet this is: paired (who-am-I 200) → the device view; not a device (401) → show the code read from this
// tablet's key and claim it every 2 s until a clerk has typed it; a token the server already holds for a device
// that refuses us (revoked) → forget token and key, make new ones (a new code) and pair again.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeviceView } from '../../../../shared/views';
import { ApiError, onUnauthorized } from '../../api/client';
import { clearCredentials, credentials } from '../../api/device-token';
import { pairingCodeOf } from '../../../../shared/device-proof';
import { forgetAllBallots } from '../seat/ballot-secret';
import { forgetAllDocuments } from '../documents/doc-store';
import { claimPairing, whoAmI } from '../../api/kiosk-api';

export type DeviceState =
  | { kind: 'loading' }
  | { kind: 'pairing'; code: string | null; revoked: boolean }
  | { kind: 'active'; device: DeviceView };

const PENDING_POLL_MS = 2000;
const ACTIVE_POLL_MS = 5000;

export function useDevice(): DeviceState {
  const [state, setState] = useState<DeviceState>({ kind: 'loading' });
  const stateRef = useRef(state);
  stateRef.current = state;
  const running = useRef(false);

  /** Waiting for a clerk: show this tablet's code and claim it (201 once a clerk has typed it). */
  const claim = useCallback(async (revoked: boolean) => {
    const creds = await credentials();
    const code = await pairingCodeOf(creds.publicKey);
    if (stateRef.current.kind !== 'pairing' || stateRef.current.code !== code) setState({ kind: 'pairing', code, revoked });
    try {
      const { status, body } = await claimPairing(creds.token, creds.publicKey);
      if (status === 201) setState({ kind: 'active', device: body as DeviceView });
    } catch (err) {
      // 409: this token is already a device's and that device refused us (revoked), or another key asked for this
      // code (a clash): start again with new credentials, so a new code.
      if (!(err instanceof ApiError) || err.status !== 409) throw err;
      await clearCredentials();
      forgetAllBallots(); // unpaired or revoked: no ballot secret stays on the tablet
      await forgetAllDocuments(); // nor any document of the sitting it was paired to
      setState({ kind: 'pairing', code: null, revoked });
    }
  }, []);

  const step = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      const now = stateRef.current;
      if (now.kind === 'pairing') return await claim(now.revoked);
      try {
        const { body } = await whoAmI();
        setState((s) => (s.kind === 'active' && JSON.stringify(s.device) === JSON.stringify(body) ? s : { kind: 'active', device: body }));
      } catch (err) {
        // 401: not (or no longer) a device; anything else (no answer): keep what we have and try at the next tick.
        if (err instanceof ApiError && err.status === 401) await claim(now.kind === 'active');
      }
    } catch {
      // network down: the next tick tries again
    } finally {
      running.current = false;
    }
  }, [claim]);

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
