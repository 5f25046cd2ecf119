// One enrollment photo → one descriptor (plus a small face thumbnail for the check-in screen), or a reason to refuse
// it. The roster import and `npm run face:eval` both call this, so the evaluated path is the one that runs.
import { createCanvas, ImageData, loadImage, type Image } from '@napi-rs/canvas';
import { ALIGNED_PX } from './align.js';
import type { FaceBox, FaceEngine } from './engine.js';
import { checkPhoto, REJECTION_MESSAGES, type PhotoRejection } from './photo-check.js';
import { checkImageSize } from './image-size.js';
import { alignedPatch, encodePatch, greyOf } from './frame-pixels.js';

/** Thumbnail side in pixels: enough for the kiosk's "王某某代表,报到成功" card, a few KB per deputy. */
export const THUMBNAIL_PX = 120;
/** The crop around the detector's box, which is tight on the face: add room for hair and chin. */
const THUMBNAIL_PADDING = 0.3;
const THUMBNAIL_JPEG_QUALITY = 82;
/**
 * The aligned crop is kept to re-describe the deputy after a model change. JPEG 95: 5–7 KB per photo, and the
 * descriptor of the decoded crop is within cosine 0.999 of the original's (BENCHMARKS.md); PNG is 22–27 KB.
 */
const ALIGNED_JPEG_QUALITY = 95;

export type EnrollmentResult =
  | {
      ok: true;
      fileName: string;
      descriptor: Float32Array;
      /** Score of the enrolled face, 0..1, from the detector that decided (tinyFaceDetector or SSD: see detectEnrollment). */
      score: number;
      /** Face box in pixels of the original image. */
      box: FaceBox;
      /** Square JPEG crop of the face, THUMBNAIL_PX wide. */
      thumbnail: Buffer;
      /** JPEG of the face aligned onto the ArcFace template (ALIGNED_PX square); null for engines without alignment. */
      aligned: Buffer | null;
      /**
       * The face's eye-aligned grey patch (frame-pixels.alignedPatch, one byte a pixel): a check-in frame whose face
       * gives nearly this patch is a copy of this photo, its thumbnail or its crop (services/thumbnail-copy.ts).
       */
      copyPatch: Buffer;
    }
  | {
      ok: false;
      fileName: string;
      reason: PhotoRejection;
      /** zh-CN, then English: shown to the clerk as is. */
      message: string;
    };

export async function extractEnrollment(engine: FaceEngine, image: Buffer, fileName: string): Promise<EnrollmentResult> {
  const size = checkImageSize(image); // before any decoding: the header says how much memory a decode takes
  if (size !== 'ok') return refuse(fileName, size);
  const decoded = await decode(image);
  if (!decoded) return refuse(fileName, 'unreadable');
  const verdict = checkPhoto(engine.detectEnrollment ? await engine.detectEnrollment(image, decoded) : await engine.detect(image));
  if (!verdict.ok) return refuse(fileName, verdict.reason);
  const { face } = verdict;
  return {
    ok: true,
    fileName,
    descriptor: face.descriptor,
    score: face.score,
    box: face.box,
    thumbnail: await faceThumbnail(decoded, face.box),
    aligned: face.aligned ? await encodeAligned(face.aligned) : null,
    copyPatch: encodePatch(alignedPatch(greyOf(decoded), face.landmarks)),
  };
}

function refuse(fileName: string, reason: PhotoRejection): EnrollmentResult {
  return { ok: false, fileName, reason, message: REJECTION_MESSAGES[reason] };
}

async function decode(bytes: Buffer): Promise<Image | null> {
  try {
    const img = await loadImage(bytes);
    return img.width > 0 && img.height > 0 ? img : null;
  } catch {
    return null; // not an image, truncated, or a format the decoder does not know: all the clerk's to fix
  }
}

/** Square crop centred on the face box, padded, clamped to the image, scaled to THUMBNAIL_PX. */
export async function faceThumbnail(img: Image, box: FaceBox): Promise<Buffer> {
  const side = Math.min(Math.max(box.width, box.height) * (1 + 2 * THUMBNAIL_PADDING), img.width, img.height);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const sx = clamp(cx - side / 2, 0, img.width - side);
  const sy = clamp(cy - side / 2, 0, img.height - side);
  const canvas = createCanvas(THUMBNAIL_PX, THUMBNAIL_PX);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(img, sx, sy, side, side, 0, 0, THUMBNAIL_PX, THUMBNAIL_PX);
  return canvas.encode('jpeg', THUMBNAIL_JPEG_QUALITY);
}

/**
 * A stored thumbnail made detectable again: its face fills the frame, where SSD finds none, so it is centred on a
 * grey canvas twice its size. Only for re-describing enrollments that kept no aligned crop (before migration 0004).
 */
export async function thumbnailForDetection(thumbnail: Buffer): Promise<Buffer> {
  const img = await loadImage(thumbnail);
  const side = 2 * Math.max(img.width, img.height);
  const canvas = createCanvas(side, side);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#808080';
  ctx.fillRect(0, 0, side, side);
  ctx.drawImage(img, (side - img.width) / 2, (side - img.height) / 2);
  return canvas.encode('png');
}

/** RGBA of an aligned crop → the JPEG stored beside its descriptor. */
export function encodeAligned(rgba: Uint8ClampedArray): Promise<Buffer> {
  const canvas = createCanvas(ALIGNED_PX, ALIGNED_PX);
  canvas.getContext('2d').putImageData(new ImageData(rgba, ALIGNED_PX, ALIGNED_PX), 0, 0);
  return canvas.encode('jpeg', ALIGNED_JPEG_QUALITY);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}
