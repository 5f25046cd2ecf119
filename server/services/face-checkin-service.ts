// The door kiosk's check-in by face (人脸识别报到) and the seat tablet's "who is voting here".
// The tablet is a camera, never a witness: it answers a challenge the server chose (a side to turn to) with the
// frames it saw; the server examines them (frame-check), matches 1:N, refuses a copy of an enrolled photo or a face
// it has seen before (seen-faces, thumbnail-copy), and keeps the frames as evidence. Nothing the tablet says about who or whether alive decides.
import { seatOfParticipant } from '../repositories/seats-repository';
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { FaceChallenge, FaceCheckin, FaceFrameAhead, SeatIdentify } from '../../shared/schemas/face';
import type { DeviceView, FaceCheckinReply, FaceRefusalReason } from '../../shared/views';
import { findDeputy } from '../repositories/deputies-repository';
import { checkinClientId, thumbnail } from '../repositories/faces-repository';
import { insertRefusal, linkFramePrints, refusalsOfSitting } from '../repositories/face-frames-repository';
import { frameSha256 } from './frame-prints';
import { pixelsOnly } from './pixels-only';
import type { ServiceContext } from './context';
import { getSitting } from './meeting-service';
import { rosterParticipant } from './seat-eligibility';
import { assertDoorOpen, pacedCheckIn } from './door-pace';
import { examineFrames, FRAME_LABELS, frameBytes, readFrames, stageFrame, type SeenFrame } from './frame-check';
import { isThumbnailCopy } from './thumbnail-copy';
import { copiedOrReplayed } from './seen-faces';
import { antispoofScore } from '../face/antispoof';
import { decodesFully } from '../face/image-decode';

function sittingOf(device: DeviceView): number {
  if (!device.sittingId) throw new AppError('ERR_CONFLICT', '本终端尚未指定会议，请联系工作人员 / This tablet has no sitting assigned');
  return device.sittingId;
}

export async function issueChallenge(ctx: ServiceContext, device: DeviceView): Promise<FaceChallenge> {
  sittingOf(device);
  if (device.mode === 'door') await assertDoorOpen(ctx, device); // a paused door (可疑报到) waits for a clerk
  return ctx.challenges.issue(device.id);
}

/** A frame sent ahead for an open challenge of this tablet; examined before the reply (see frame-check, stageFrame). */
export async function sendFrameAhead(ctx: ServiceContext, device: DeviceView, input: FaceFrameAhead): Promise<void> {
  sittingOf(device);
  if (!(await stageFrame(ctx, device.id, input.nonce, input.label, input.frame))) {
    throw new AppError('ERR_CONFLICT', '本次核验已结束或已过期，请重新开始 / This face check has ended or expired; start again');
  }
}

export const dataUrl = (jpeg: Buffer | null) => (jpeg ? `data:image/jpeg;base64,${jpeg.toString('base64')}` : null);

export type Refusal = { status: 'not_recognised' | 'not_on_roster' | 'liveness_failed' | 'challenge_expired' | 'not_checked_in'; reason: FaceRefusalReason };

const STATUS_OF: Record<FaceRefusalReason, Refusal['status']> = {
  challenge: 'challenge_expired',
  no_face: 'liveness_failed',
  several_faces: 'liveness_failed',
  not_same_person: 'liveness_failed',
  turn: 'liveness_failed',
  replayed: 'liveness_failed',
  thumbnail_copy: 'liveness_failed',
  not_recognised: 'not_recognised',
  not_on_roster: 'not_on_roster',
  not_checked_in: 'not_checked_in',
  gave_up: 'not_recognised',
};

/**
 * Records a refusal for the clerks' list (with the frontal frame as evidence) and answers it. `deputyId`: whom the
 * frame was recognised as, when it was (erasing that deputy's biometric data erases the frame: biometric-erasure.ts).
 */
export async function refused(ctx: ServiceContext, sittingId: number, device: DeviceView, reason: FaceRefusalReason, frame: Buffer | null, deputyId: number | null = null): Promise<Refusal> {
  const kept = frame && (await pixelsOnly(frame)); // pixels only: nothing after the image's end is kept
  await ctx.db.write((tx) => insertRefusal(tx, { sittingId, deviceId: device.id, reason, frame: kept, deputyId }));
  return { status: STATUS_OF[reason], reason };
}

export async function recordGaveUp(ctx: ServiceContext, device: DeviceView, frame: string | undefined): Promise<void> {
  const sittingId = sittingOf(device);
  const jpeg = frame ? Buffer.from(frame, 'base64') : null;
  // Kept for the clerks only if it is a whole JPEG (decoded to the end); anything else is refused, nothing recorded.
  if (jpeg && !(jpeg[0] === 0xff && jpeg[1] === 0xd8 && (await decodesFully(jpeg)))) {
    throw new AppError('ERR_VALIDATION', '画面须为完整的 JPEG 图像 / The frame must be a whole JPEG image');
  }
  await refused(ctx, sittingId, device, 'gave_up', jpeg);
}

/** The prints of frames recognised as a deputy are theirs: erased with their biometric data (biometric-erasure.ts). */
async function linkPrintsTo(ctx: ServiceContext, sittingId: number, deputyId: number, frames: ReadonlyArray<{ jpeg: Buffer }>): Promise<void> {
  await ctx.db.write((tx) => linkFramePrints(tx, sittingId, deputyId, frames.map((f) => frameSha256(f.jpeg))));
}

export interface Recognised {
  sittingId: number;
  meetingId: number;
  deputy: NonNullable<Awaited<ReturnType<typeof findDeputy>>>;
  participantId: number;
  distance: number;
  margin: number | null;
  frames: SeenFrame[];
  turn: number;
}

/**
 * The shared part of door and seat: challenge, frames, match, copy check. Returns the recognised deputy or the
 * refusal (already recorded). A retry of the very same request gets the first answer (lost replies on a busy LAN).
 */
export async function decide<T>(
  ctx: ServiceContext,
  device: DeviceView,
  /** prefer: the deputy to compare with first, 1:1 (a seat's own deputy); anyone else is then matched 1:N. */
  input: { nonce: string; frames: SeatIdentify['frames']; prefer?: number | null },
  finish: (r: Recognised) => Promise<T>,
): Promise<T | Refusal> {
  const sitting = await getSitting(ctx, sittingOf(device));
  const bytes = frameBytes(input.frames);
  // A made-up, stale or already-answered nonce is answered before any frame is decoded and leaves no refusal row (it
  // is the tablet's matter, not a person at the door); each such try costs the tablet's challenge allowance.
  if (!ctx.challenges.admits(input.nonce, device.id)) return { status: 'challenge_expired', reason: 'challenge' };
  const fingerprint = createHash('sha256').update(FRAME_LABELS.map((l) => input.frames[l]).join('.')).digest('hex');
  const claim = ctx.challenges.claim<T | Refusal>(input.nonce, device.id, fingerprint);
  if (claim.kind === 'retry') return claim.answer;
  if (claim.kind === 'refused') {
    ctx.challenges.charge(device.id);
    return { status: 'challenge_expired', reason: 'challenge' };
  }
  return claim.settle(
    (async (): Promise<T | Refusal> => {
      const read = await readFrames(bytes); // a frame the decoder cannot read is a 4xx; the challenge is spent
      const seen = await examineFrames(ctx, sitting.id, input.nonce, claim.side, read);
      if (!seen.ok) {
        // A turn that failed is still someone's picture: tied to whom it shows, it is erased with their biometrics.
        const shown = seen.face ? await ctx.face.match(sitting.bodyId, seen.face) : null;
        const who = shown?.status === 'matched' ? shown.identityId : null;
        if (who !== null) await linkPrintsTo(ctx, sitting.id, who, bytes);
        return refused(ctx, sitting.id, device, seen.reason, seen.frontal, who);
      }
      const frontal = seen.frames[0]!.jpeg;
      const first = input.prefer ? await ctx.face.verify(sitting.bodyId, input.prefer, seen.probe) : null;
      const match = first?.status === 'matched' ? first : await ctx.face.match(sitting.bodyId, seen.probe);
      const deputy = match.status === 'matched' ? await findDeputy(ctx.db, match.identityId) : undefined;
      if (match.status !== 'matched' || !deputy) return refused(ctx, sitting.id, device, 'not_recognised', frontal);
      await linkPrintsTo(ctx, sitting.id, deputy.id, bytes);
      const faces = [seen.frames[0]!, seen.frames[2]!]; // frontal and back: the turned face is another pose
      const copy = await copiedOrReplayed(ctx, { sittingId: sitting.id, deviceId: device.id }, deputy.id, faces);
      if (copy) return refused(ctx, sitting.id, device, copy, frontal, deputy.id);
      if (await isThumbnailCopy(ctx, deputy.id, faces)) return refused(ctx, sitting.id, device, 'thumbnail_copy', frontal, deputy.id);
      const participantId = await rosterParticipant(ctx.db, sitting.meetingId, deputy);
      if (participantId === null) return refused(ctx, sitting.id, device, 'not_on_roster', frontal, deputy.id);
      return finish({ sittingId: sitting.id, meetingId: sitting.meetingId, deputy, participantId, distance: match.distance, margin: match.margin, frames: seen.frames, turn: seen.turn });
    })(),
  );
}

export async function faceCheckIn(ctx: ServiceContext, device: DeviceView, input: FaceCheckin): Promise<FaceCheckinReply> {
  const reply = await decide(ctx, device, input, async (r): Promise<FaceCheckinReply> => {
    const outcome = await pacedCheckIn(
      ctx,
      device,
      {
        sittingId: r.sittingId,
        participantId: r.participantId,
        method: 'face',
        deviceId: device.id,
        distance: r.distance,
        margin: r.margin,
        liveness: { method: 'server-head-turn', turn: Math.round(r.turn * 1000) / 1000 },
        evidence: r.frames[0]!.jpeg,
        antispoof: await antispoofScore(r.frames[0]!.image, r.frames[0]!.face.box),
        frames: r.frames.map((f) => ({ label: f.label, jpeg: f.jpeg })),
        clientId: input.clientId,
      },
    );
    // A retry of the request that made the check-in is answered as it was the first time.
    const sameRequest = (await checkinClientId(ctx.db, r.sittingId, r.participantId)) === input.clientId;
    const d = r.deputy;
    return {
      status: outcome.status === 'checked_in' || sameRequest ? 'checked_in' : 'already_checked_in',
      deputy: { id: d.id, name: d.name, delegation: d.delegation },
      thumbnail: dataUrl(await thumbnail(ctx.db, d.id)),
      at: outcome.checkin.at,
      seat: (await seatOfParticipant(ctx.db, r.sittingId, r.participantId))?.label ?? null,
    };
  });
  // The door has no "not checked in" answer (only the seat asks for a check-in first).
  return reply.status === 'not_checked_in' ? { status: 'not_recognised', reason: reply.reason } : (reply as FaceCheckinReply);
}

/** The sitting's recent refusals, newest first, for the clerks (404 for an unknown sitting). */
export async function recentRefusals(ctx: ServiceContext, sittingId: number) {
  await getSitting(ctx, sittingId);
  return refusalsOfSitting(ctx.db, sittingId, 30);
}
