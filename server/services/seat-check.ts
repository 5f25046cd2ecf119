// A bound seat's frames, judged by the server (issue 26 point 4): the quick check that confirms each ballot (one
// fresh frame matched 1:1 against the bound deputy, no head turn) and the presence frames the tablet sends every
// few seconds while a deputy is bound. Either keeps the binding only when the frame is a new picture of that deputy:
// never sent before (byte, grey and relit prints), not a copy of an enrolled photo, not a face another tablet saw.
// A face that is not theirs, a copy or a replay ends the binding; no face leaves it to its timeout (seat-bindings).
import type { SeatCheckReply, SeatPresenceReply } from '../../shared/seat-binding';
import type { FaceRefusalReason, DeviceView, RecognisedDeputy } from '../../shared/views';
import { findDeputy } from '../repositories/deputies-repository';
import { insertRefusal } from '../repositories/face-frames-repository';
import { lumaPrint } from '../face/frame-pixels';
import type { ServiceContext } from './context';
import { getSitting } from './meeting-service';
import { facesOf, mainFace, readOneFrame, type SeenFrame } from './frame-check';
import { frameSha256 } from './frame-prints';
import { copiedOrReplayed } from './seen-faces';
import { isThumbnailCopy } from './thumbnail-copy';
import { pixelsOnly } from './pixels-only';
import { sameLook } from './seat-looks';
import { currentBinding, endBinding, endedWhy, presenceTimeoutS, renew, type Binding } from './seat-bindings';

/** A quick check's voter token casts one ballot within this long (the kiosk casts at once). */
export const QUICK_TOKEN_MS = 30_000;

type Verdict = { kind: 'same'; frame: SeenFrame; look: Uint8Array } | { kind: 'no_face' | 'several_faces' } | { kind: 'ends'; reason: 'other_face' | 'replayed' | 'thumbnail_copy' };

/** Whether this frame is a new picture of the bound deputy. `record`: keep its prints and face (ballot frames). */
async function judge(ctx: ServiceContext, b: Binding, bodyId: number, base64: string, record: boolean): Promise<Verdict> {
  const frame = await readOneFrame(base64); // a 4xx for what no camera sends; the binding is untouched
  const look = lumaPrint(frame.pixels);
  const print = { sha256: frameSha256(frame.jpeg), luma: look };
  if (b.looks.some((l) => sameLook(l, look))) return { kind: 'ends', reason: 'replayed' };
  if (record ? await ctx.prints.seenBefore(b.sittingId, [print]) : await ctx.prints.has(b.sittingId, print)) return { kind: 'ends', reason: 'replayed' };
  const face = mainFace(await facesOf(ctx, frame));
  if (typeof face === 'string') return { kind: face };
  const seen: SeenFrame = { ...frame, face };
  const match = await ctx.face.verify(bodyId, b.deputyId, face.descriptor);
  if (match.status !== 'matched') return { kind: 'ends', reason: 'other_face' };
  const copy = await copiedOrReplayed(ctx, { sittingId: b.sittingId, deviceId: b.deviceId }, b.deputyId, [seen], record);
  if (copy) return { kind: 'ends', reason: copy };
  if (await isThumbnailCopy(ctx, b.deputyId, [seen])) return { kind: 'ends', reason: 'thumbnail_copy' };
  return { kind: 'same', frame: seen, look };
}

/** Ends the binding for what the frame showed, keeping the frame for the clerks' refusal list. */
async function ended(ctx: ServiceContext, b: Binding, device: DeviceView, reason: 'other_face' | 'replayed' | 'thumbnail_copy', base64: string): Promise<void> {
  await endBinding(ctx, b, reason);
  const listed: FaceRefusalReason = reason === 'other_face' ? 'not_same_person' : reason;
  const kept = await pixelsOnly(Buffer.from(base64, 'base64')).catch(() => null);
  await ctx.db.write((tx) => insertRefusal(tx, { sittingId: b.sittingId, deviceId: device.id, reason: listed, frame: kept, deputyId: b.deputyId }));
}

async function recognised(ctx: ServiceContext, deputyId: number): Promise<RecognisedDeputy> {
  const d = await findDeputy(ctx.db, deputyId);
  return { id: deputyId, name: d?.name ?? '', delegation: d?.delegation ?? null };
}

/** The binding of this tablet in its current sitting (a binding from another sitting ends: the tablet moved). */
async function bindingOf(ctx: ServiceContext, device: DeviceView): Promise<Binding | null> {
  const b = await currentBinding(ctx, device.id);
  if (b && b.sittingId !== device.sittingId) {
    await endBinding(ctx, b, 'device_changed');
    return null;
  }
  return b;
}

/** POST /api/seat/check: one fresh frame confirms one ballot of the bound deputy. */
export async function quickCheck(ctx: ServiceContext, device: DeviceView, frame: string): Promise<SeatCheckReply> {
  const b = await bindingOf(ctx, device);
  if (!b) return { status: 'unbound', reason: endedWhy(ctx, device.id) };
  const sitting = await getSitting(ctx, b.sittingId);
  const v = await judge(ctx, b, sitting.bodyId, frame, true);
  if (v.kind === 'ends') {
    await ended(ctx, b, device, v.reason, frame);
    return { status: 'unbound', reason: v.reason };
  }
  if (v.kind !== 'same') return { status: 'retry', reason: v.kind };
  renew(b, v.look);
  const { token, expiresAt } = ctx.voterTokens.issue(b.deputyId, device.id, Date.now(), { bindingId: b.id, ttlMs: QUICK_TOKEN_MS });
  return { status: 'confirmed', deputy: await recognised(ctx, b.deputyId), voterToken: token, expiresAt };
}

/** POST /api/seat/presence: a frame of whoever sits there (or none): renews, ends or leaves the binding. */
export async function presence(ctx: ServiceContext, device: DeviceView, frame: string | undefined): Promise<SeatPresenceReply> {
  const nextInMs = await presenceEveryMs(ctx);
  const b = await bindingOf(ctx, device);
  if (!b) return { bound: false, deputy: null, reason: endedWhy(ctx, device.id), nextInMs };
  let ends = false;
  if (frame) {
    const v = await judge(ctx, b, (await getSitting(ctx, b.sittingId)).bodyId, frame, false);
    if (v.kind === 'same') renew(b, v.look);
    else if (v.kind === 'ends') {
      await ended(ctx, b, device, v.reason, frame);
      ends = true;
    }
  }
  const still = ends ? null : await currentBinding(ctx, device.id); // no face: the timeout may have passed
  return { bound: !!still, deputy: still ? await recognised(ctx, still.deputyId) : null, reason: still ? null : endedWhy(ctx, device.id), nextInMs };
}

/** A presence frame every quarter of the timeout: a binding survives three lost or faceless frames in a row. */
export async function presenceEveryMs(ctx: ServiceContext): Promise<number> {
  return Math.round(((await presenceTimeoutS(ctx)) * 1000) / 4);
}
