// "Has this frame been sent before?" for one sitting: the SHA-256 of its bytes (a byte-identical replay) and a
// 32×24 grey print (the same frame re-encoded, rescaled or slightly retouched). Every frame the server examines is
// recorded, whatever the outcome, so frames of a real check-in cannot be sent again, at the door or at a seat.
// Loaded from SQLite once per sitting and kept in memory (a sitting sees a few thousand frames at most).
import { createHash } from 'node:crypto';
import type { Database } from '../db/database';
import { framePrintsOfSitting, insertFramePrints, type FramePrint } from '../repositories/face-frames-repository';
import { lumaPrint, meanAbsDiff, type Pixels } from '../face/frame-pixels';

/**
 * Grey levels (0–255, mean over the print) under which two frames are the same picture. A JPEG re-encode moves the
 * print by < 1; a camera's next frame of a person standing still moves it by more (sensor noise is averaged away,
 * but any sway of the head or body is not) — see BENCHMARKS.md "Frames already seen".
 */
export const NEAR_IDENTICAL = 1.5;

/** A frame's SHA-256 (hex): its byte-identical print, and the key of its faces when sent ahead (face-challenges). */
export const frameSha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export function printOf(bytes: Buffer, pixels: Pixels): FramePrint {
  return { sha256: frameSha256(bytes), luma: lumaPrint(pixels) };
}

export class FramePrints {
  private readonly sittings = new Map<number, Promise<FramePrint[]>>();

  constructor(private readonly db: Database) {}

  private of(sittingId: number): Promise<FramePrint[]> {
    let p = this.sittings.get(sittingId);
    if (!p) {
      p = framePrintsOfSitting(this.db, sittingId);
      p.catch(() => this.sittings.delete(sittingId));
      this.sittings.set(sittingId, p);
    }
    return p;
  }

  /** Drops what is in memory (after an erasure deleted prints): each sitting is loaded again when next needed. */
  forget(): void {
    this.sittings.clear();
  }

  /** Whether this frame was sent before in the sitting, recording nothing (a seat's presence frames are not kept). */
  async has(sittingId: number, print: FramePrint): Promise<boolean> {
    const known = await this.of(sittingId);
    return known.some((k) => k.sha256 === print.sha256 || meanAbsDiff(k.luma, print.luma) < NEAR_IDENTICAL);
  }

  /** Whether any of these frames was sent before in the sitting; records them all either way. */
  async seenBefore(sittingId: number, prints: readonly FramePrint[]): Promise<boolean> {
    const known = await this.of(sittingId);
    const seen = prints.some((p) => known.some((k) => k.sha256 === p.sha256 || meanAbsDiff(k.luma, p.luma) < NEAR_IDENTICAL));
    known.push(...prints);
    await this.db.write((tx) => insertFramePrints(tx, sittingId, prints));
    return seen;
  }
}
