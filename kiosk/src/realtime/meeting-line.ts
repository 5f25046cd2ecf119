import type { MeetingState } from '../../../shared/protocol';
import type { DeviceView } from '../../../shared/views';

/** "第二次会议 · 第一次全体会议 · 门口一号机" for the top bar. */
export function meetingLine(state: MeetingState | null, device: DeviceView): string {
  const sitting = state?.meeting.sittings.find((s) => s.id === device.sittingId);
  return [state?.meeting.name, sitting?.name, device.name].filter(Boolean).join(' · ');
}
