// Whether uploaded bytes are a whole image: the header within the pixel limits (image-size.ts), a JPEG's scan data
// reaching its end-of-image marker, then decoded to the last pixel. A check of the first bytes alone let `FF D8 FF`
// followed by HTML be kept as an "evidence photo"; the decoder alone keeps a JPEG cut short (it greys the missing
// rows and says nothing), so the end marker is looked for by hand.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { checkImageSize } from './image-size.js';

const isJpeg = (b: Buffer) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/**
 * A JPEG whose main image ends: walks the header segments to the first scan (an EXIF thumbnail inside APP1, with its
 * own end marker, is skipped whole), then finds the end-of-image marker after it. In scan data a 0xFF byte is
 * written FF 00 and restart markers are FF D0–D7, so FF D9 there is the real end.
 */
export function jpegReachesEnd(b: Buffer): boolean {
  if (!isJpeg(b)) return false;
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0xda) return b.indexOf(Buffer.from([0xff, 0xd9]), i + 2) !== -1;
    i += 2 + b.readUInt16BE(i + 2);
  }
  return false;
}

export async function decodesFully(bytes: Buffer): Promise<boolean> {
  if (checkImageSize(bytes) !== 'ok') return false;
  if (isJpeg(bytes) && !jpegReachesEnd(bytes)) return false;
  try {
    const img = await loadImage(bytes);
    if (img.width < 1 || img.height < 1) return false;
    // Drawing makes the decoder read every scanline, not only the header.
    createCanvas(1, 1).getContext('2d').drawImage(img, 0, 0, 1, 1);
    return true;
  } catch {
    return false;
  }
}
