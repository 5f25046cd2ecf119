// What to tell the person in front of the camera, from one frame: nobody, several people, too far, too close,
// off to the side. When nothing is wrong it hands back the one face to check.
import type { Frame, SeenFace } from '../../../shared/face/geometry';

export type GuidanceKey = 'guideNoFace' | 'guideOne' | 'guideCloser' | 'guideFarther' | 'guideFront';

export type Guidance = { ok: true; face: SeenFace } | { ok: false; key: GuidanceKey };

/** Face width as a share of the frame width: below this, ask to come closer (≈ 1.2 m on a tablet camera). */
export const MIN_FACE_SHARE = 0.18;
/** Above this the face fills the frame and the jaw leaves it: ask to step back. */
export const MAX_FACE_SHARE = 0.7;
/** A second face at least this big relative to the first counts as a second person (not a face far behind). */
export const SECOND_FACE_SHARE = 0.55;
/** The face centre must be within this share of the frame from the middle. */
export const MAX_OFF_CENTRE = 0.28;

export function guide(frame: Frame): Guidance {
  const faces = [...frame.faces].sort((a, b) => b.box.width - a.box.width);
  const face = faces[0];
  if (!face) return { ok: false, key: 'guideNoFace' };
  const second = faces[1];
  if (second && second.box.width >= face.box.width * SECOND_FACE_SHARE) return { ok: false, key: 'guideOne' };
  const share = face.box.width / frame.width;
  if (share < MIN_FACE_SHARE) return { ok: false, key: 'guideCloser' };
  if (share > MAX_FACE_SHARE) return { ok: false, key: 'guideFarther' };
  const cx = (face.box.x + face.box.width / 2) / frame.width - 0.5;
  const cy = (face.box.y + face.box.height / 2) / frame.height - 0.5;
  if (Math.abs(cx) > MAX_OFF_CENTRE || Math.abs(cy) > MAX_OFF_CENTRE) return { ok: false, key: 'guideFront' };
  return { ok: true, face };
}
