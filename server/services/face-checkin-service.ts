// The door kiosk's check-in by face (人脸识别报到) and the seat tablet's "who is voting here".
// The kiosk is never trusted to say who someone is: it sends a descriptor, a liveness result and, at the door,
// a live photo kept as evidence against 代签; the server matches and decides.
import { AppError } from '../../shared/errors';
import type { DeviceView, FaceCheckinReply, SeatIdentifyReply } from '../../shared/views';
import type { Liveness } from '../../shared/schemas/face';
import { findDeputyParticipant } from '../repositories/meetings-repository';
import { findDeputy } from '../repositories/deputies-repository';
import { checkinClientId } from '../repositories/faces-repository';
import { findCheckin } from '../repositories/attendance-repository';
import type { ServiceContext } from './context';
import { getSitting } from './meeting-service';
import { checkIn } from './attendance-service';


/** Largest evidence photo kept (bytes of JPEG). */
export const MAX_EVIDENCE_BYTES = 300 * 1024;

function sittingOf(device: DeviceView): number {
  if (!device.sittingId) throw new AppError('ERR_CONFLICT', '本终端尚未指定会议，请联系工作人员 / This tablet has no sitting assigned');
  return device.sittingId;
}

export function decodeEvidence(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  const isJpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!isJpeg) throw new AppError('ERR_VALIDATION', '现场照片须为 JPEG / Evidence must be a JPEG image');
  if (bytes.length > MAX_EVIDENCE_BYTES) throw new AppError('ERR_PAYLOAD_TOO_LARGE', '现场照片过大 / Evidence photo too large');
  return bytes;
}

/** Matches a descriptor against the body's enrolled deputies; null when nobody is matched safely. */
async function recognise(ctx: ServiceContext, bodyId: number, probe: Float32Array) {
  const result = await ctx.face.match(bodyId, probe);
  if (result.status !== 'matched') return null;
  const deputy = await findDeputy(ctx.db, result.identityId);
  return deputy ? { deputy, distance: result.distance, margin: result.margin } : null;
}

export async function faceCheckIn(
  ctx: ServiceContext,
  device: DeviceView,
  input: { clientId: string; model: string; descriptor: number[]; liveness: Liveness; evidence: string },
): Promise<FaceCheckinReply> {
  const probe = ctx.face.parseDescriptor(input.model, input.descriptor);
  const evidence = decodeEvidence(input.evidence);
  const sitting = await getSitting(ctx, sittingOf(device));
  if (!input.liveness.passed) return { status: 'liveness_failed' };
  const match = await recognise(ctx, sitting.bodyId, probe);
  if (!match) return { status: 'not_recognised' };
  const participant = await findDeputyParticipant(ctx.db, sitting.meetingId, match.deputy.id);
  if (!participant || match.deputy.status !== 'active') return { status: 'not_on_roster' };
  const outcome = await checkIn(
    ctx,
    {
      sittingId: sitting.id,
      participantId: participant.id,
      method: 'face',
      deviceId: device.id,
      distance: match.distance,
      margin: match.margin,
      liveness: input.liveness,
      evidence,
      clientId: input.clientId,
    },
    `device:${device.id}`,
  );
  // A retry of the request that made the check-in is answered as it was the first time.
  const sameRequest = (await checkinClientId(ctx.db, sitting.id, participant.id)) === input.clientId;
  const d = match.deputy;
  return {
    status: outcome.status === 'checked_in' || sameRequest ? 'checked_in' : 'already_checked_in',
    deputy: { id: d.id, name: d.name, delegation: d.delegation },
    thumbnailUrl: d.hasThumbnail ? `/api/deputies/${d.id}/thumbnail` : null,
    at: outcome.checkin.at,
  };
}


export async function seatIdentify(
  ctx: ServiceContext,
  device: DeviceView,
  input: { model: string; descriptor: number[]; liveness: Liveness },
): Promise<SeatIdentifyReply> {
  const probe = ctx.face.parseDescriptor(input.model, input.descriptor);
  const sitting = await getSitting(ctx, sittingOf(device));
  if (!input.liveness.passed) return { status: 'liveness_failed' };
  const match = await recognise(ctx, sitting.bodyId, probe);
  if (!match) return { status: 'not_recognised' };
  if (match.deputy.status !== 'active') return { status: 'not_on_roster' };
  const participant = await findDeputyParticipant(ctx.db, sitting.meetingId, match.deputy.id);
  if (!participant || !(await findCheckin(ctx.db, sitting.id, participant.id))) return { status: 'not_checked_in' };
  const { token, expiresAt } = ctx.voterTokens.issue(match.deputy.id, device.id);
  const d = match.deputy;
  return { status: 'identified', deputy: { id: d.id, name: d.name, delegation: d.delegation }, voterToken: token, expiresAt };
}
