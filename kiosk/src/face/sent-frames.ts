// The kiosk never sends the same picture twice. A real camera never repeats a frame, so a frame equal to one already
// sent means a frozen feed (or the tests' camera looping its video file): the server would refuse it as a replay and
// end the seat's binding. Each frame sent leaves a 32×24 grey print here; a grab equal to one (within a grey level on
// average) is skipped and the next frame taken. This decides nothing for the server, which checks every frame itself.
const W = 32;
const H = 24;
const KEPT = 600;
const sent: Uint8Array[] = [];
let small: HTMLCanvasElement | null = null;

function printOf(frame: HTMLCanvasElement): Uint8Array {
  small ??= document.createElement('canvas');
  small.width = W;
  small.height = H;
  const ctx = small.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(frame, 0, 0, W, H);
  const rgba = ctx.getImageData(0, 0, W, H).data;
  const out = new Uint8Array(W * H);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!);
  return out;
}

const same = (a: Uint8Array, b: Uint8Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! - b[i]!);
  return s / a.length < 1;
};

/** Whether this frame was sent before (the caller takes the next one). */
export function sentBefore(frame: HTMLCanvasElement): boolean {
  const p = printOf(frame);
  return sent.some((s) => same(s, p));
}

/** Remembers a frame as sent. */
export function noteSent(frame: HTMLCanvasElement): void {
  if (sent.length >= KEPT) sent.shift();
  sent.push(printOf(frame));
}
