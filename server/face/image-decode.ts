// Whether uploaded bytes are a whole image: the header within the pixel limits (image-size.ts), then decoded to the
// last pixel. A check of the first bytes alone let `FF D8 FF` followed by HTML be kept as an "evidence photo".
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { checkImageSize } from './image-size.js';

export async function decodesFully(bytes: Buffer): Promise<boolean> {
  if (checkImageSize(bytes) !== 'ok') return false;
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
