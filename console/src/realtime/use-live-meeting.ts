// The console's one live-state hook: shared/live-client.ts over the browser's WebSocket.
import { useEffect, useRef, useState } from 'react';
import { LiveClient, type ConnectionStatus, type SocketLike } from '../../../shared/live-client';
import type { MeetingState, ServerMessage } from '../../../shared/protocol';
import { newer, type SpeakingView } from '../../../shared/speaking';

/** A sitting's speaking state with the local time it arrived (the countdown's clock: shared/speaking.ts clockSkew). */
export type HeldSpeaking = SpeakingView & { receivedAt: number };

export interface LiveMeeting {
  state: MeetingState | null;
  status: ConnectionStatus;
  /** True once a snapshot has arrived at least once: a later 'connecting' is a reconnect. */
  everLive: boolean;
  /** Each sitting's speakers' queue and floor (发言), by sitting id. */
  speaking: Record<number, HeldSpeaking>;
}

export function liveOrigin(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/** `onMessage` hears every message as it comes (for what the state does not carry, e.g. 投屏). */
export function useLiveMeeting(meetingId: number | null, onMessage?: (m: ServerMessage) => void): LiveMeeting {
  const onMessageRef = useRef(onMessage);
  onMessageRef.current = onMessage;
  const [state, setState] = useState<MeetingState | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [everLive, setEverLive] = useState(false);
  const [speaking, setSpeaking] = useState<Record<number, HeldSpeaking>>({});
  useEffect(() => {
    if (meetingId === null) return;
    setState(null);
    setEverLive(false);
    setSpeaking({});
    const client = new LiveClient({
      origin: liveOrigin(),
      meetingId,
      connect: (url) => new WebSocket(url) as unknown as SocketLike,
      onState: (s) => setState(s),
      onStatus: (s) => {
        setStatus(s);
        if (s === 'live') setEverLive(true);
      },
      onMessage: (m) => {
        onMessageRef.current?.(m);
        // A snapshot (a reconnect, maybe to a restarted server whose seq starts again) carries the speaking state as it is.
        if (m.type === 'snapshot') {
          const receivedAt = Date.now();
          return setSpeaking(Object.fromEntries((m.state.speaking ?? []).map((v) => [v.sittingId, { ...v, receivedAt }])));
        }
        if (m.type !== 'speaking') return;
        const came = { ...m.speaking, receivedAt: Date.now() };
        setSpeaking((all) => ({ ...all, [came.sittingId]: newer(all[came.sittingId], came) }));
      },
    });
    const onVisible = () => document.visibilityState === 'visible' && client.resync();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      client.close();
    };
  }, [meetingId]);
  return { state, status, everLive, speaking };
}
