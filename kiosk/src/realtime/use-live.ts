// The one live-state hook: the shared LiveClient over the browser's WebSocket, for the tablet's meeting.
// It reconnects and resyncs from a snapshot by itself; the hook only mirrors its state and status into React.
// The tablet says hello with its device token, signed by its key (the server refuses anonymous sockets and closes a revoked
// tablet's at once) and the view its mode needs (shared/protocol.ts LiveView). A seat tablet casts its ballots
// through the same client (`cast`), over the socket it already holds.
import { useEffect, useState } from 'react';
import { LiveClient, type ConnectionStatus, type SocketLike } from '../../../shared/live-client';
import type { LiveView, MeetingState } from '../../../shared/protocol';
import type { CastBallot, CastReply } from '../../../shared/schemas/votes';
import { newer, type SeatSpeakingView } from '../../../shared/speaking';
import { currentSigner } from '../api/device-token';


export interface Live {
  state: MeetingState | null;
  status: ConnectionStatus;
  /** True once a snapshot arrived: before that 'connecting' is the first connection, not a loss. */
  everLive: boolean;
  /** Sends a ballot until the server answers it (see LiveClient.cast); null before the client exists. */
  cast: ((voteId: number, ballot: CastBallot, onRetry?: (attempt: number) => void) => Promise<CastReply>) | null;
  /** How many times the server said this sitting's documents changed (the seat's document sync follows it). */
  documentNotices: number;
  /** The sitting's speaking queue and floor (发言), as a seat tablet sees it; `receivedAt`: local time it came. */
  speaking: (SeatSpeakingView & { receivedAt: number }) | null;
}

const initial: Live = { state: null, status: 'connecting', everLive: false, cast: null, documentNotices: 0, speaking: null };

function wsOrigin(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

export function useLive(meetingId: number | null, view: LiveView): Live {
  const [live, setLive] = useState<Live>(initial);
  useEffect(() => {
    if (meetingId === null) return;
    const client = new LiveClient({
      origin: wsOrigin(),
      meetingId,
      view,
      device: currentSigner() ?? undefined,
      connect: (url) => new WebSocket(url) as unknown as SocketLike,
      onState: (state) => setLive((l) => ({ ...l, state })),
      onStatus: (status) => setLive((l) => ({ ...l, status, everLive: l.everLive || status === 'live' })),
      onMessage: (m) => {
        if (m.type === 'documents') return setLive((l) => ({ ...l, documentNotices: l.documentNotices + 1 }));
        // A snapshot (a reconnect, maybe to a restarted server whose seq starts again) carries the speaking state as it is.
        if (m.type === 'snapshot') {
          const held = m.state.seatSpeaking;
          return setLive((l) => ({ ...l, speaking: held ? { ...held, receivedAt: Date.now() } : null }));
        }
        if (m.type !== 'seat-speaking') return;
        const came = { ...m.speaking, receivedAt: Date.now() };
        setLive((l) => ({ ...l, speaking: newer(l.speaking ?? undefined, came) }));
      },
    });
    setLive((l) => ({ ...l, cast: client.cast.bind(client) }));
    // A tablet that slept may have missed changes: ask for a fresh snapshot when it is shown again.
    const onVisible = () => document.visibilityState === 'visible' && client.resync();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      client.close();
      setLive(initial);
    };
  }, [meetingId, view]);
  return live;
}

/** Whether to show the "connection lost" banner. */
export const isDisconnected = (live: Live): boolean =>
  live.status === 'offline' || live.status === 'incompatible' || (live.everLive && live.status === 'connecting');
