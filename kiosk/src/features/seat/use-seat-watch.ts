// While the seat is bound to its deputy, the tablet keeps looking: a frame every few seconds (the server says how
// often) goes to the server, which judges it (seat-check.ts) — a face that is not the deputy's, a copy or a replay
// ends the binding, and so does no accepted face for the presence timeout. When the local detector sees nobody, the
// tablet says so without a frame (nothing to judge; only the server's clock runs). The same camera gives the fresh
// frame that confirms each ballot (grab). The tablet decides nothing: it only reports what the server says.
import { useCallback, useEffect, useRef } from 'react';
import { seatPresence } from '../../api/kiosk-api';
import { frameJpeg, grabFrame, startCamera, stopCamera } from '../../face/camera';
import { detectFrame, loadFaceApi } from '../../face/faceapi-runtime';
import { sentBefore } from '../../face/sent-frames';
import type { UnboundReason } from '../../../../shared/seat-binding';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface SeatWatch {
  /** A fresh frame of the camera now (base64 JPEG), or null before the camera runs or when it repeats a frame sent. */
  grab(): string | null;
}

/**
 * The camera runs while `cameraOn` (a vote is open or the seat is bound; the identification's camera shares it), so
 * the quick check at 确认 has a frame at once; the presence frames go only while `active` (the seat is bound).
 */
export function useSeatWatch(cameraOn: boolean, active: boolean, everyMs: number, onUnbound: (reason: UnboundReason) => void): SeatWatch {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const unboundRef = useRef(onUnbound);
  unboundRef.current = onUnbound;

  useEffect(() => {
    if (!cameraOn) return;
    let cancelled = false;
    let stream: MediaStream | null = null;
    const video = document.createElement('video');
    canvas.current = document.createElement('canvas');
    startCamera(video)
      .then((s) => {
        stream = s;
        if (cancelled) return stopCamera(s);
        videoRef.current = video;
      })
      .catch((err: unknown) => console.error('seat camera', err));
    return () => {
      cancelled = true;
      videoRef.current = null;
      stopCamera(stream);
    };
  }, [cameraOn]);

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    (async () => {
      const faceapi = await loadFaceApi();
      let wait = everyMs;
      while (!cancelled) {
        await sleep(wait);
        const video = videoRef.current;
        if (cancelled) break;
        if (!video) continue;
        const frame = grabFrame(video, canvas.current!);
        if (sentBefore(frame)) {
          wait = 150; // the same picture as one sent: a frozen feed; the next frame
          continue;
        }
        const seen = await detectFrame(faceapi, frame);
        const reply = await seatPresence(seen.faces.length > 0 ? frameJpeg(frame) : null).catch(() => null);
        if (cancelled) break;
        if (reply && !reply.body.bound) {
          unboundRef.current(reply.body.reason ?? 'none');
          break;
        }
        wait = reply?.body.nextInMs ?? everyMs;
      }
    })().catch((err: unknown) => console.error('seat watch stopped', err));
    return () => {
      cancelled = true;
    };
  }, [active, everyMs]);

  const grab = useCallback((): string | null => {
    const video = videoRef.current;
    if (!video || !canvas.current || video.readyState < 2) return null;
    const frame = grabFrame(video, canvas.current);
    return sentBefore(frame) ? null : frameJpeg(frame);
  }, []);
  return { grab };
}
