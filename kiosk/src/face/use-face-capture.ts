// The capture loop: camera → face-api on each frame → guidance → head-turn liveness → on success one descriptor
// and one evidence JPEG of that very frame, handed to the screen (door check-in or seat identification).
import { useEffect, useRef, useState } from 'react';
import type { FaceConfig, Liveness } from '../api/kiosk-api';
import type { MessageKey } from '../i18n';
import { mark, timeStep } from '../timeline';
import { evidenceJpeg, grabFrame, startCamera, stopCamera } from './camera';
import { descriptorFor, UnsupportedModelError } from './descriptor';
import { detectFrame, loadFaceApi } from './faceapi-runtime';
import type { Box } from './geometry';
import { guide } from './guidance';
import { HeadTurnCheck } from './liveness';

export interface Capture {
  model: string;
  descriptor: number[];
  liveness: Liveness;
  /** Base64 JPEG of the frame the descriptor was computed from. */
  evidence: string;
}

export type CameraState = 'loading' | 'running' | 'failed' | 'unsupported';

export interface FaceCaptureView {
  videoRef: React.RefObject<HTMLVideoElement | null>;
  state: CameraState;
  prompt: MessageKey;
  /** The face being checked, as a share of the frame (for the on-screen outline), or null. */
  box: Box | null;
  /** 0..1: how far through the check the person is (settle, turn, back). */
  progress: number;
}

const nextTick = () => new Promise<void>((r) => setTimeout(r, 0));

export function useFaceCapture(config: FaceConfig | null, active: boolean, onCapture: (c: Capture) => Promise<void>): FaceCaptureView {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [state, setState] = useState<CameraState>('loading');
  const [prompt, setPrompt] = useState<MessageKey>('guideNoFace');
  const [box, setBox] = useState<Box | null>(null);
  const [progress, setProgress] = useState(0);
  const activeRef = useRef(active);
  const captureRef = useRef(onCapture);
  activeRef.current = active;
  captureRef.current = onCapture;

  useEffect(() => {
    if (!config) return;
    let cancelled = false;
    let stream: MediaStream | null = null;
    const canvas = document.createElement('canvas');
    const check = new HeadTurnCheck();
    (async () => {
      const [faceapi, extractor] = await Promise.all([loadFaceApi(), descriptorFor(config)]);
      const video = videoRef.current;
      if (cancelled || !video) return;
      mark('camera-requested');
      stream = await startCamera(video);
      if (cancelled) return stopCamera(stream);
      mark('camera-playing');
      setState('running');
      let faceVisible = false;
      let shown: MessageKey | null = null;
      while (!cancelled) {
        if (!activeRef.current) {
          await new Promise((r) => setTimeout(r, 150));
          check.reset();
          continue;
        }
        const frame = grabFrame(video, canvas);
        const detectStart = performance.now();
        const seen = await detectFrame(faceapi, frame);
        timeStep('detect', performance.now() - detectStart);
        if (cancelled) break;
        const g = guide(seen);
        if (seen.faces.length > 0 && !faceVisible) mark('face-seen');
        faceVisible = seen.faces.length > 0;
        const step = check.update(g.ok ? g.face : null, performance.now());
        setBox(g.ok ? { x: g.face.box.x / frame.width, y: g.face.box.y / frame.height, width: g.face.box.width / frame.width, height: g.face.box.height / frame.height } : null);
        setProgress(check.progress);
        if (!step.done) {
          const next = g.ok || check.inProgress ? step.prompt : g.key;
          if (next !== shown) mark('prompt', (shown = next));
          setPrompt(next);
          await nextTick();
          continue;
        }
        mark('liveness-passed', check.side);
        const describeStart = performance.now();
        const descriptor = await extractor.describe(frame);
        timeStep('describe', performance.now() - describeStart);
        if (descriptor && !cancelled) {
          await captureRef.current({
            model: extractor.model,
            descriptor,
            liveness: { passed: true, method: step.method, score: step.score },
            evidence: evidenceJpeg(frame),
          });
          faceVisible = false;
        }
        check.reset();
        shown = null;
        setProgress(0);
      }
    })().catch((err: unknown) => {
      if (cancelled) return;
      console.error('face capture stopped', err);
      setState(err instanceof UnsupportedModelError ? 'unsupported' : 'failed');
    });
    return () => {
      cancelled = true;
      stopCamera(stream);
    };
  }, [config]);

  return { videoRef, state, prompt, box, progress };
}
