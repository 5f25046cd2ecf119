// "Who is voting here" at a seat tablet: one identification with the head-turn challenge (face-checkin-service's
// decide: the tablet's own seat's deputy compared first, 1:1, then anyone of the body 1:N), which binds the seat to
// the deputy for the sitting (seat-bindings.ts). Later ballots need only a quick check (seat-check.ts).
import type { SeatIdentify } from '../../shared/schemas/face';
import type { DeviceView, SeatIdentifyReply } from '../../shared/views';
import { lumaPrint } from '../face/frame-pixels';
import { thumbnail } from '../repositories/faces-repository';
import type { ServiceContext } from './context';
import { dataUrl, decide, refused } from './face-checkin-service';
import { seatStanding } from './seat-eligibility';
import { seatDeputyOf } from './device-seats';
import { bindSeat } from './seat-bindings';
import { VOTER_TOKEN_TTL_MS } from './voter-token';

export async function seatIdentify(ctx: ServiceContext, device: DeviceView, input: SeatIdentify): Promise<SeatIdentifyReply> {
  const own = await seatDeputyOf(ctx, device);
  return decide(ctx, device, { ...input, prefer: own }, async (r): Promise<SeatIdentifyReply> => {
    const standing = await seatStanding(ctx.db, { id: r.sittingId, meetingId: r.meetingId }, r.deputy);
    if (!standing.ok) return refused(ctx, r.sittingId, device, standing.reason, r.frames[0]!.jpeg, r.deputy.id);
    const away = own !== null && own !== r.deputy.id; // 代表未在本座位: shown to the clerks, not refused
    const looks = r.frames.map((f) => lumaPrint(f.pixels));
    const binding = await bindSeat(ctx, { deviceId: device.id, sittingId: r.sittingId, deputyId: r.deputy.id, away }, looks);
    const { token, expiresAt } = ctx.voterTokens.issue(r.deputy.id, device.id, Date.now(), { bindingId: binding.id, ttlMs: VOTER_TOKEN_TTL_MS });
    const d = r.deputy;
    return { status: 'identified', deputy: { id: d.id, name: d.name, delegation: d.delegation }, thumbnail: dataUrl(await thumbnail(ctx.db, d.id)), voterToken: token, expiresAt };
  });
}
