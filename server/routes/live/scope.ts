// What a live socket may see, re-checked after its hello (issue 22 point 7): a tablet's meeting and view against
// its device as it is now, on every change of the device and on every resync; a console's session at the moment
// it ends, not only when the console next sends a message.
import type { LiveView } from '../../../shared/protocol';
import type { DeviceView } from '../../../shared/views';

/** Why a tablet may not have the live view it asked for, or null when it may. */
export function deviceRefusal(device: DeviceView, meetingId: number, view: LiveView): string | null {
  if (device.meetingId !== meetingId) return '本终端未分配到该会议 / This tablet is not assigned to that meeting';
  if (device.mode === 'seat' && view !== 'kiosk') return '座位终端只能订阅表决状态 / A seat tablet gets the kiosk view only';
  return null;
}

/** setTimeout's longest wait (about 24.8 days); a later end is waited for in steps. */
const MAX_WAIT_MS = 2 ** 31 - 1;

/**
 * Runs `check` when a session ends at `endsAt` (ms since the epoch), and again while `check` says the session
 * still holds (a timer may fire a little early). Returns the function that stops watching.
 */
export function watchSessionEnd(endsAt: number | null, check: () => Promise<boolean>): () => void {
  let timer: NodeJS.Timeout | null = null;
  const arm = () => {
    if (endsAt === null) return;
    timer = setTimeout(() => void check().then((holds) => holds && arm()), Math.min(Math.max(0, endsAt - Date.now()) + 1, MAX_WAIT_MS));
    timer.unref();
  };
  arm();
  return () => {
    if (timer) clearTimeout(timer);
    endsAt = null;
  };
}
