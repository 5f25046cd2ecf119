// The tablet's front camera into a <video>, and frames out of it onto a canvas.
import { noteSent } from './sent-frames';

export const FRAME_WIDTH = 640;
export const FRAME_HEIGHT = 480;

export async function startCamera(video: HTMLVideoElement): Promise<MediaStream> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { facingMode: 'user', width: { ideal: FRAME_WIDTH }, height: { ideal: FRAME_HEIGHT } },
  });
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play();
  return stream;
}

export function stopCamera(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** Copies the current video frame, so detection, the descriptor and the evidence all see the same picture. */
export function grabFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement): HTMLCanvasElement {
  const w = video.videoWidth || FRAME_WIDTH;
  const h = video.videoHeight || FRAME_HEIGHT;
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.getContext('2d', { willReadFrequently: true })!.drawImage(video, 0, 0, w, h);
  return canvas;
}

/**
 * Base64 JPEG (no data: prefix) of a frame for the server, 480 px wide at q0.8: ~20–60 KB, under the server's
 * 120-KB and 640-px limits, and enough face for recognition.
 */
export function frameJpeg(frame: HTMLCanvasElement, width = 480, quality = 0.8): string {
  noteSent(frame);
  const out = document.createElement('canvas');
  out.width = width;
  out.height = Math.round((frame.height / frame.width) * width);
  out.getContext('2d')!.drawImage(frame, 0, 0, out.width, out.height);
  return out.toDataURL('image/jpeg', quality).slice('data:image/jpeg;base64,'.length);
}
