// The console's one live-state hook: shared/live-client.ts over the browser's WebSocket.
import { useEffect, useRef, useState } from 'react';
import { LiveClient, type ConnectionStatus, type SocketLike } from '../../../shared/live-client';
import type { MeetingState, ServerMessage } from '../../../shared/protocol';

export interface LiveMeeting {
  state: MeetingState | null;
  status: ConnectionStatus;
  /** True once a snapshot has arrived at least once: a later 'connecting' is a reconnect. */
  everLive: boolean;
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
  useEffect(() => {
    if (meetingId === null) return;
    setState(null);
    setEverLive(false);
    const client = new LiveClient({
      origin: liveOrigin(),
      meetingId,
      connect: (url) => new WebSocket(url) as unknown as SocketLike,
      onState: (s) => setState(s),
      onMessage: (m) => onMessageRef.current?.(m),
      onStatus: (s) => {
        setStatus(s);
        if (s === 'live') setEverLive(true);
      },
    });
    const onVisible = () => document.visibilityState === 'visible' && client.resync();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      client.close();
    };
  }, [meetingId]);
  return { state, status, everLive };
}
