// The camera view both face screens share: the mirrored preview, an outline of the face being checked with a
// progress ring, and the prompt in very large type (also spoken).
import { useEffect } from 'react';
import type { FaceCaptureView } from '../face/use-face-capture';
import { langTag, useI18n, type MessageKey } from '../i18n';
import { speak } from '../speech';
import { ClauseText } from './ClauseText';

const ARROWS: Partial<Record<MessageKey, string>> = { guideTurnLeft: '←', guideTurnRight: '→', guideTurnBack: '◎' };

export function FaceCamera({ view, busy }: { view: FaceCaptureView; busy?: MessageKey | null }) {
  const { t, lang } = useI18n();
  const prompt: MessageKey =
    busy ?? (view.state === 'failed' ? 'cameraFailed' : view.state === 'unsupported' ? 'modelUnsupported' : view.state === 'loading' ? 'preparingCamera' : view.prompt);
  useEffect(() => {
    if (view.state === 'running' && prompt !== 'guideNoFace') speak(t(prompt), langTag(lang));
  }, [prompt, view.state, t, lang]);
  const arrow = ARROWS[prompt];
  const tone = view.state === 'failed' || view.state === 'unsupported' ? 'bad' : view.box ? 'active' : 'idle';
  return (
    <div className="face-camera">
      <div className={`camera-frame ${tone}`}>
        <video ref={view.videoRef} className="camera-video" muted playsInline />
        <div className="camera-guide" aria-hidden="true" />
        {view.box && (
          <div
            className="face-box"
            // The preview is mirrored (people expect a mirror); the box comes in camera coordinates.
            style={{ left: `${(1 - view.box.x - view.box.width) * 100}%`, top: `${view.box.y * 100}%`, width: `${view.box.width * 100}%`, height: `${view.box.height * 100}%` }}
          />
        )}
        <div className="camera-progress" style={{ width: `${Math.round(view.progress * 100)}%` }} />
      </div>
      <div className="prompt-panel" data-prompt={prompt}>
        {arrow && (
          <div className={`prompt-arrow ${prompt === 'guideTurnRight' ? 'right' : ''}`} aria-hidden="true">
            {arrow}
          </div>
        )}
        <ClauseText className="prompt" text={t(prompt)} />
      </div>
    </div>
  );
}
