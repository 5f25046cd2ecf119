// A few timestamped events (performance.now()) for the check-in benchmark and the browser tests to read:
// window.__kioskTimeline. Nothing personal goes in: event names and times only.
export type TimelineEvent = 'camera-requested' | 'camera-playing' | 'face-seen' | 'prompt' | 'liveness-passed' | 'result-shown' | 'confirm-pressed' | 'vote-recorded';

/** Milliseconds per step of the face pipeline, the last 200 of each (window.__kioskFaceMs). */
export type FaceStep = 'detect' | 'describe';

declare global {
  interface Window {
    __kioskTimeline?: Array<{ event: TimelineEvent; at: number; detail?: string }>;
    __kioskFaceMs?: Partial<Record<FaceStep, number[]>>;
  }
}

export function timeStep(step: FaceStep, ms: number): void {
  const all = (window.__kioskFaceMs ??= {});
  const list = (all[step] ??= []);
  list.push(ms);
  if (list.length > 200) list.shift();
}

export function mark(event: TimelineEvent, detail?: string): void {
  (window.__kioskTimeline ??= []).push({ event, at: performance.now(), detail });
  if (window.__kioskTimeline.length > 500) window.__kioskTimeline.splice(0, 100);
}
