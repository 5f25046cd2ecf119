// What the sitting's big screen shows (投屏): read when the live socket is (re)connected, then followed through the
// live 'projection' messages. A message is not versioned, so a screen that was away reads it again on reconnect.
import { useCallback, useEffect, useState } from 'react';
import type { Projection } from '../../../../shared/projection';
import type { ServerMessage } from '../../../../shared/protocol';
import { getProjection } from '../../api/projection';
import type { LiveMeeting } from '../../realtime/use-live-meeting';

export interface ProjectionState {
  projection: Projection | null;
  /** Feed the live socket's messages here (useLiveMeeting's onMessage). */
  onMessage(m: ServerMessage): void;
  set(p: Projection | null): void;
}

export function useProjection(sittingId: number | undefined, status: LiveMeeting['status']): ProjectionState {
  const [projection, set] = useState<Projection | null>(null);
  useEffect(() => {
    if (!sittingId || status !== 'live') return;
    let gone = false;
    void getProjection(sittingId).then((p) => !gone && set(p), () => undefined);
    return () => {
      gone = true;
    };
  }, [sittingId, status]);
  const onMessage = useCallback((m: ServerMessage) => {
    if (m.type === 'projection' && m.sittingId === sittingId) set(m.projection);
  }, [sittingId]);
  return { projection, onMessage, set };
}
