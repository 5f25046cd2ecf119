// A few timestamped events (performance.now()) for the check-in benchmark and the browser tests to read:
// window.__kioskTimeline. Nothing personal goes in: event names and times only.
export type TimelineEvent = 'camera-requested' | 'camera-playing' | 'face-seen' | 'liveness-passed' | 'result-shown';

declare global {
  interface Window {
    __kioskTimeline?: Array<{ event: TimelineEvent; at: number; detail?: string }>;
  }
}

export function mark(event: TimelineEvent, detail?: string): void {
  (window.__kioskTimeline ??= []).push({ event, at: performance.now(), detail });
  if (window.__kioskTimeline.length > 500) window.__kioskTimeline.splice(0, 100);
}
