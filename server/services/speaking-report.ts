// The speech report of a sitting (发言记录): every turn taken, in the order it was spoken, who, where and for how
// long, with the audit chain's head printed as on the other sheets.
import type { SpeechReport } from '../../shared/speaking';
import { auditHead } from '../repositories/audit-repository';
import { speechesOfSitting } from '../repositories/speaking-repository';
import type { ServiceContext } from './context';
import { getMeeting, getSitting } from './meeting-service';

export async function speechReport(ctx: ServiceContext, sittingId: number): Promise<SpeechReport> {
  const sitting = await getSitting(ctx, sittingId);
  const meeting = await getMeeting(ctx, sitting.meetingId);
  return {
    sittingId,
    sittingName: sitting.name,
    meetingName: meeting.name,
    bodyName: meeting.bodyName,
    turns: await speechesOfSitting(ctx.db, sittingId),
    auditHead: await auditHead(ctx.db),
    generatedAt: new Date().toISOString(),
  };
}
