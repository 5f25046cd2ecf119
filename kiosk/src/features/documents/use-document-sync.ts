// The seat tablet's document sync as React state: one DocumentSync per pairing (device and sitting), nudged when
// the live socket comes back (a notice may have been lost with it) and when the server says documents changed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeviceView } from '../../../../shared/views';
import type { Live } from '../../realtime/use-live';
import { DocumentSync, type SyncState } from './document-sync';

export interface Documents extends SyncState {
  fetchNow(sha256: string): Promise<void>;
}

export function useDocumentSync(device: DeviceView, live: Live): Documents {
  const [state, setState] = useState<SyncState>({ manifest: null, held: new Set(), offline: false });
  const syncRef = useRef<DocumentSync | null>(null);

  useEffect(() => {
    const sync = new DocumentSync(device.id, device.sittingId);
    syncRef.current = sync;
    setState(sync.current);
    const off = sync.subscribe(setState);
    return () => {
      off();
      sync.stop();
      syncRef.current = null;
    };
  }, [device.id, device.sittingId]);

  // A reconnection, not the first connection (the sync's first round runs anyway).
  const isLive = live.status === 'live';
  const lostOnce = useRef(false);
  useEffect(() => {
    if (!isLive && live.everLive) lostOnce.current = true;
    if (isLive && lostOnce.current) syncRef.current?.nudge();
  }, [isLive, live.everLive]);

  const notices = live.documentNotices;
  useEffect(() => {
    if (notices > 0) syncRef.current?.nudge();
  }, [notices]);

  const fetchNow = useCallback(async (sha256: string) => {
    if (!syncRef.current) throw new Error('not syncing');
    await syncRef.current.fetchNow(sha256);
  }, []);
  return { ...state, fetchNow };
}
