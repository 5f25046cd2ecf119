// What erasing a deputy's biometric data must find beyond the rows tied to them: refused frames and frame prints that
// no one was recognised in when they were stored (a replay is refused before any match, so is a frame set that is
// not one person) but that are copies of the deputy's own frames — byte-identical, or near-identical by the 32×24
// grey print the replay check uses (frame-prints.ts). Compared against the deputy's frame prints (tied to them once
// recognised) and their check-in frames (which also covers frames stored before prints were tied), in the sittings
// where those were taken. A set refused after its faces were found (wrong turn, two people) is tied at refusal to
// whom its frontal face matches (face-checkin-service decide); a frame with no single face is not found here: it
// follows the retention period (README "Erasure").
import { greyPixels, lumaPrint, meanAbsDiff } from '../face/frame-pixels';
import { picturesOfDeputy, untiedFrames } from '../repositories/face-frames-repository';
import type { ServiceContext } from './context';
import { frameSha256, NEAR_IDENTICAL } from './frame-prints';

interface Print {
  sha256: string;
  luma: Uint8Array;
}

async function printOfJpeg(jpeg: Buffer): Promise<Print | null> {
  const pixels = await greyPixels(jpeg);
  return pixels ? { sha256: frameSha256(jpeg), luma: lumaPrint(pixels) } : null;
}

const copies = (known: readonly Print[], p: Print) => known.some((k) => k.sha256 === p.sha256 || meanAbsDiff(k.luma, p.luma) < NEAR_IDENTICAL);

/** Ids of untied refused frames and frame prints that copy one of the deputy's frames. */
export async function copiesOfDeputyFrames(ctx: ServiceContext, deputyId: number): Promise<{ refusals: number[]; prints: number[] }> {
  const mine = await picturesOfDeputy(ctx.db, deputyId);
  const known: Print[] = mine.prints.map((p) => ({ sha256: p.sha256, luma: new Uint8Array(p.luma) }));
  for (const f of mine.frames) {
    const p = await printOfJpeg(f.jpeg);
    if (p) known.push(p);
  }
  const sittings = [...new Set([...mine.prints, ...mine.frames].map((x) => x.sittingId))];
  if (known.length === 0 || sittings.length === 0) return { refusals: [], prints: [] };
  const untied = await untiedFrames(ctx.db, sittings);
  const refusals: number[] = [];
  for (const r of untied.refusals) {
    const p = await printOfJpeg(r.frame);
    if (p && copies(known, p)) refusals.push(r.id);
  }
  const prints = untied.prints.filter((p) => copies(known, { sha256: p.sha256, luma: new Uint8Array(p.luma) })).map((p) => p.id);
  return { refusals, prints };
}
