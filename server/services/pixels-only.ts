// Evidence kept and served as pixels only. A frame is checked to be a whole JPEG (face/image-decode.ts), but bytes
// after its end marker were kept and served back verbatim as image/jpeg: a JPEG with an HTML page after FF D9 is a
// polyglot that a browser sniffing the content, or a tool reading from the end, takes for something else (issue 22
// point 9). What is kept is drawn and encoded anew, so nothing a tablet sent but pixels survives.
import { createCanvas, loadImage } from '@napi-rs/canvas';

/** Evidence frames are ≤ 640 px from the kiosk; quality 85 keeps a face readable for the supervisor at ~40 KB. */
const EVIDENCE_JPEG_QUALITY = 85;

/** A JPEG made from the image's pixels alone; null when the bytes are no image (nothing is kept then). */
export async function pixelsOnly(bytes: Buffer): Promise<Buffer | null> {
  try {
    const img = await loadImage(bytes);
    if (img.width < 1 || img.height < 1) return null;
    const canvas = createCanvas(img.width, img.height);
    canvas.getContext('2d').drawImage(img, 0, 0);
    return await canvas.encode('jpeg', EVIDENCE_JPEG_QUALITY); // encoded off the event loop
  } catch {
    return null;
  }
}
