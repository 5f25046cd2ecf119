// Quality gate for enrollment photos: pure, so it reads the same for the roster import, the eval command and tests.
// A bad enrolled photo hurts every later check-in of that deputy, so this refuses early and says why in both
// languages; the clerk then picks another photo.
import { alignmentFor, applySimilarity } from './align.js';
import type { DetectedFace } from './engine.js';
import { faceShapeDistance } from './face-shape.js';
import { paintedShare } from './face-looks.js';

/**
 * Minimum detector score of the enrolled face. Faces between the engine's floor (0.3) and this are found but refused
 * as unclear, which tells the clerk more than "no face". Set just under face-api's usual 0.5 because the weakest
 * identity photo in ../shared/faces scores 0.48 here (chen_shui_bian/1, a usable frontal LFW photo); ID photos
 * taken for the roster score ~1.0.
 */
export const MIN_FACE_SCORE = 0.45;

/**
 * Minimum face box side in pixels of the original image. faceRecognitionNet reads a 150×150 aligned crop; a face
 * much smaller than that is upscaled from too few pixels and gives an unstable descriptor. The smallest faces
 * enrolled from ../shared/faces are 60–64 px (kit_harington/1, deepface_p06/4) and are recognised; 50 px keeps them
 * and refuses thumbnails and faces cut from group shots (a 640-px portrait shrunk to a 128-px image: ~42 px).
 * Absolute, not a fraction of the frame: a large full-length photo with a 200-px face is fine to enroll.
 */
export const MIN_FACE_PX = 50;

/**
 * A second face makes the photo ambiguous when it is confident and at least this fraction of the main face's
 * width: another person beside the deputy could be the one enrolled. The score bar is higher than the main face's
 * because SSD reports partial background faces at 0.3–0.49 in single-person LFW photos (e.g. yao_ming/4), while
 * every real second person in multi/ scores ≥ 0.87.
 */
export const SECOND_FACE_MIN_SCORE = 0.6;
export const SECOND_FACE_RATIO = 0.35;

/**
 * Widest face outline (jaw, landmarks 0 to 16) once the face is aligned on the 112-px ArcFace template. The detector
 * and landmark net answer for an animal too (the cat in ../shared/faces/no-face scores 0.94): its "jaw" lands far
 * outside the eyes and mouth, 104 px, where the 307 human faces (and spoof photos of faces) of ../shared/faces
 * measure 74–92.5 px. The detector score and the embedding's length do not separate it (BENCHMARKS.md). One animal
 * photo is little evidence: this catches the obvious case, a clerk still looks at what was enrolled.
 */
export const MAX_ALIGNED_JAW_PX = 98;

/**
 * Farthest the 68 landmarks may lie from the human face shape (face-shape.ts). The jaw rule above was fitted on one
 * cat; this one was measured on animals and drawings it was not fitted on (BENCHMARKS.md "Not a face",
 * tests/bench/not-a-face.ts). Human faces of ../shared/faces measure at most 7.9 (the people the model was fitted
 * on) and 5.9 (the held-out people, strangers and spoof photos); 12 leaves half as much again. Of the 8 animal photos
 * whose face enrollment would otherwise take (tuxpaint-stamps and the no-face cat), it refuses 6, the jaw rule 3.
 */
export const MAX_FACE_SHAPE_DISTANCE = 12;

/**
 * Largest share of the face's middle in one colour (face-looks.ts, paintedShare): a drawing's flat fill. The shape
 * rules above never saw a drawing reach them; cartoon faces of Debian's pysiogame (art4apps, public domain) do, with a
 * human landmark shape, and measure 0.32–0.41 (the knight 0.322: close). Human faces of ../shared/faces (all 307 photos, strangers and the spoof
 * photos of faces included) measure at most 0.22; 0.30 was chosen from that side (BENCHMARKS.md "Not a face: drawings").
 */
export const MAX_PAINTED_SHARE = 0.3;

export type PhotoRejection = 'unreadable' | 'too_large' | 'no_face' | 'not_a_face' | 'multiple_faces' | 'face_too_small' | 'low_score';

export const REJECTION_MESSAGES: Record<PhotoRejection, string> = {
  unreadable: '无法读取该图片，请使用 JPEG 或 PNG 照片 / The image cannot be read; use a JPEG or PNG photo',
  too_large: '照片像素过多（超过 2500 万像素或边长超过 10000），请缩小后再上传 / The photo has too many pixels (over 25 megapixels or 10,000 on a side); shrink it first',
  no_face: '照片中未检测到人脸 / No face found in the photo',
  not_a_face: '照片中不是人的正脸（可能是动物或图画），请使用代表本人的正面照片 / This is not a human face (an animal or a picture?); use a frontal photo of the deputy',
  multiple_faces: '照片中有多张人脸，请使用单人照片 / More than one face in the photo; use a photo of the deputy alone',
  face_too_small: '照片中的人脸太小，请使用更清晰的近照 / The face is too small; use a closer, sharper photo',
  low_score: '人脸不够清晰，请使用正面、光线充足的照片 / The face is unclear; use a well-lit frontal photo',
};

/** What the check reads of a face: the detector's box and score, the 68 landmarks and the aligned crop, not the descriptor. */
type CheckedFace = Pick<DetectedFace, 'box' | 'score' | 'landmarks' | 'aligned'>;

export type PhotoVerdict<F extends CheckedFace = DetectedFace> =
  | { ok: true; face: F }
  | { ok: false; reason: Exclude<PhotoRejection, 'unreadable' | 'too_large'> };

/** Picks the one face to enroll from an engine's detections, or says why there is none. */
export function checkPhoto<F extends CheckedFace>(faces: readonly F[]): PhotoVerdict<F> {
  if (faces.length === 0) return { ok: false, reason: 'no_face' };
  const confident = faces.filter((f) => f.score >= MIN_FACE_SCORE);
  if (confident.length === 0) return { ok: false, reason: 'low_score' };
  const main = confident.reduce((a, b) => (side(b) > side(a) ? b : a));
  const others = faces.filter(
    (f) => f !== main && f.score >= SECOND_FACE_MIN_SCORE && f.box.width >= SECOND_FACE_RATIO * main.box.width,
  );
  if (others.length > 0) return { ok: false, reason: 'multiple_faces' };
  if (side(main) < MIN_FACE_PX) return { ok: false, reason: 'face_too_small' };
  if (alignedJawWidth(main) > MAX_ALIGNED_JAW_PX || faceShapeDistance(main.landmarks) > MAX_FACE_SHAPE_DISTANCE) return { ok: false, reason: 'not_a_face' };
  if (paintedShare(main.aligned) > MAX_PAINTED_SHARE) return { ok: false, reason: 'not_a_face' };
  return { ok: true, face: main };
}

/** Jaw width (landmark 0 to 16) in pixels of the aligned 112-px crop; 0 when the engine gave no landmarks. */
export function alignedJawWidth(face: Pick<CheckedFace, 'landmarks'>): number {
  if (face.landmarks.length !== 68) return 0;
  const t = alignmentFor(face.landmarks);
  const a = applySimilarity(t, face.landmarks[0]);
  const b = applySimilarity(t, face.landmarks[16]);
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function side(face: CheckedFace): number {
  return Math.min(face.box.width, face.box.height);
}

/**
 * Enrollment's fast path (arcface-engine.ts, detectEnrollment): tinyFaceDetector runs first, at each of these inputs
 * in turn, and its answer stands only when it is decisive; otherwise SSD, on which the rules above are calibrated,
 * decides. 320 is the smallest input that saw every face of the group photos of ../shared/faces (224 misses one in
 * multi/3). 160 first was measured faster (10.3 identity photos/s against 5.7) with identical verdicts on
 * ../shared/faces, but a review then composed two-person photos (a 900-px portrait with a 380-px one beside it) that
 * 160 saw as one face and accepted where SSD refuses them: a fast path that enrolls a bystander is not worth the
 * time saved (BENCHMARKS.md "Enrollment speed"; tests/integration/face-pipeline.test.ts).
 */
export const ENROLL_TINY_INPUTS = [320] as const;
/**
 * Tiny's score above which its one face is trusted. Its scores run lower than SSD's on the same face (0.63 where SSD
 * gives 1.0); at 0.6 it settled 278 of the 315 photos of ../shared/faces with no verdict changed.
 */
export const TINY_DECISIVE_SCORE = 0.6;
/**
 * Tiny's face side (px) below which SSD decides: tiny's boxes are ~15–30% larger than SSD's on the same face, so a
 * tiny box near MIN_FACE_PX could be an SSD box under it (face_too_small).
 */
export const TINY_DECISIVE_PX = 80;

/**
 * Whether tinyFaceDetector's faces settle an enrollment photo without SSD: exactly one face (any second one, however
 * weak, may be a person SSD scores higher), confident, well above the size floor, and accepted by checkPhoto. Every
 * refusal is left to SSD, so the fast path never refuses a photo SSD would accept; the risk is the other way (a
 * second person or a small face only SSD sees), which the bench measures (`npm run bench:enroll`).
 */
export function tinyIsDecisive(faces: readonly CheckedFace[]): boolean {
  if (faces.length !== 1) return false;
  const face = faces[0]!;
  return face.score >= TINY_DECISIVE_SCORE && side(face) >= TINY_DECISIVE_PX && checkPhoto(faces).ok;
}
