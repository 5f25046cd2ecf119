// The capture loop: camera → face-api on each frame → guidance → head-turn liveness, answering the challenge the
// server chose (which side to turn to). It keeps three frames of the sequence — frontal, turned, back — and hands
// them with the challenge's nonce to the screen (door check-in or seat identification); the server decides. The
// frontal and turned frames also go ahead as they are taken, so the server has one frame left when the head is back.
import { useEffect, useRef, useState } from 'react';
import { faceChallenge, sendFrameAhead, type FaceAnswer, type FaceConfig } from '../api/kiosk-api';
import type { MessageKey } from '../i18n';
import { mark, timeStep } from '../timeline';
import { frameJpeg, grabFrame, startCamera, stopCamera } from './camera';
import { detectFrame, loadFaceApi } from './faceapi-runtime';
import type { Box } from '../../../shared/face/geometry';
import { guide } from './guidance';
import { HeadTurnCheck, type TurnSide } from './liveness';

export type Capture = FaceAnswer;

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
/** A challenge with less time left than this is not started on: the sequence takes a person a few seconds. */
const CHALLENGE_MARGIN_MS = 12_000;

/** `onChallengeRefused`: the server would not give a challenge (e.g. a paused door: ERR_DOOR_PAUSED). */
export function useFaceCapture(
  config: FaceConfig | null,
  active: boolean,
  onCapture: (c: Capture) => Promise<void>,
  onChallengeRefused?: (err: unknown) => void,
): FaceCaptureView {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [state, setState] = useState<CameraState>('loading');
  const [prompt, setPrompt] = useState<MessageKey>('guideNoFace');
  const [box, setBox] = useState<Box | null>(null);
  const [progress, setProgress] = useState(0);
  const activeRef = useRef(active);
  const captureRef = useRef(onCapture);
  const refusedRef = useRef(onChallengeRefused);
  refusedRef.current = onChallengeRefused;
  activeRef.current = active;
  captureRef.current = onCapture;

  useEffect(() => {
    if (!config) return;
    let cancelled = false;
    let stream: MediaStream | null = null;
    const canvas = document.createElement('canvas');
    let challenge: { nonce: string; side: TurnSide; expiresAt: number } | null = null;
    const check = new HeadTurnCheck(() => challenge?.side ?? 'left');
    let frames: { frontal?: string; turned?: string } = {};
    const fresh = () => challenge !== null && challenge.expiresAt - Date.now() > CHALLENGE_MARGIN_MS;
    (async () => {
      const faceapi = await loadFaceApi();
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
          frames = {};
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
        // Someone is there and no check is under way: make sure a fresh challenge is held before it starts.
        if (g.ok && !check.inProgress && !fresh()) {
          try {
            const { body } = await faceChallenge();
            challenge = { nonce: body.nonce, side: body.side, expiresAt: Date.parse(body.expiresAt) };
            check.reset();
            frames = {};
          } catch (err) {
            refusedRef.current?.(err);
            await new Promise((r) => setTimeout(r, 1000));
            continue;
          }
        }
        const wasInProgress = check.inProgress;
        const step = check.update(g.ok ? g.face : null, performance.now());
        if (!check.inProgress) frames = {};
        else if (!wasInProgress) {
          frames.frontal = frameJpeg(frame); // the settled, frontal frame
          if (challenge) sendFrameAhead(challenge.nonce, 'frontal', frames.frontal); // examined while the person turns
        } else if (!step.done && step.prompt === 'guideTurnBack' && !frames.turned) {
          frames.turned = frameJpeg(frame);
          if (challenge) sendFrameAhead(challenge.nonce, 'turned', frames.turned);
        }
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
        if (challenge && frames.frontal && frames.turned && !cancelled) {
          const nonce = challenge.nonce;
          challenge = null; // decided once: the next person gets a new one
          await captureRef.current({ nonce, frames: { frontal: frames.frontal, turned: frames.turned, back: frameJpeg(frame) } });
          faceVisible = false;
        }
        frames = {};
        check.reset();
        shown = null;
        setProgress(0);
      }
    })().catch((err: unknown) => {
      if (cancelled) return;
      console.error('face capture stopped', err);
      setState('failed');
    });
    return () => {
      cancelled = true;
      stopCamera(stream);
    };
  }, [config]);

  return { videoRef, state, prompt, box, progress };
}
