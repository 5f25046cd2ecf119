// Reports: the results sheet of a vote (表决结果), the attendance sheet of a sitting (签到统计表) and a deputy's
// record across meetings (履职档案). Numbers come from the stored result and the attendance service; nothing
// here counts ballots. Secret votes show participation only, never a choice.
import { AppError } from '../../shared/errors';
import { describePassRule } from '../../shared/rules';
import { speechesOfDeputy } from '../repositories/speaking-repository';
import type { AttendanceReport, DeputyRecord, DeputySittingRecord, DeputyVoteRecord, VoteReport } from '../../shared/reports';
import type { Mark, RatingMark } from '../../shared/types';
import * as reports from '../repositories/report-repository';
import { rollCallRows } from '../repositories/roll-call-repository';
import { rollStatus, type RollCallEntry } from '../../shared/roll-call';
import type { VoteView } from '../../shared/views';
import { auditHead } from '../repositories/audit-repository';
import type { ServiceContext } from './context';
import { getVoteView } from './vote-service';
import { entries, summary } from './attendance-service';
import { getBody, getDeputy } from './roster-service';
import { reportDocuments } from './report-documents';

async function placeOf(ctx: ServiceContext, sittingId: number) {
  const place = await reports.sittingPlace(ctx.db, sittingId);
  if (!place) throw new AppError('ERR_NOT_FOUND', `找不到该次全体会议 / Sitting ${sittingId} not found`);
  return place;
}

export async function voteReport(ctx: ServiceContext, voteId: number): Promise<VoteReport> {
  const vote = await getVoteView(ctx, voteId);
  const { bodyId, ...place } = await placeOf(ctx, vote.sittingId);
  const body = await getBody(ctx, bodyId);
  return {
    ...place,
    vote,
    agendaTitle: await reports.agendaTitle(ctx.db, vote.agendaItemId),
    rule: describePassRule(vote.passRule),
    showNotVoted: body.rules.showNotVoted,
    auditHead: await auditHead(ctx.db),
    generatedAt: new Date().toISOString(),
    timeZone: ctx.timeZone,
    rollCall: vote.secrecy === 'open' && vote.tally && (vote.state === 'closed' || vote.state === 'announced') ? await rollCall(ctx, vote) : null,
  };
}

/** 记名表决明细: every deputy of the electorate with their marks in option order, or 未按 / 请假 / 缺席. */
async function rollCall(ctx: ServiceContext, vote: VoteView): Promise<RollCallEntry[]> {
  return (await rollCallRows(ctx.db, vote.id)).map((r) => ({
    deputyId: r.deputyId,
    name: r.name,
    delegation: r.delegation,
    cardNo: r.cardNo,
    status: rollStatus(r.content !== null, r.present, r.onLeave),
    marks: r.content ? vote.options.map((o) => r.content!.marks[String(o.id)] ?? null) : null,
    writeIns: r.content?.writeIns ?? [],
  }));
}

export async function attendanceReport(ctx: ServiceContext, sittingId: number): Promise<AttendanceReport> {
  const { bodyName, meetingId, meetingName, sittingName } = await placeOf(ctx, sittingId);
  return {
    bodyName,
    meetingId,
    meetingName,
    sittingId,
    sittingName,
    summary: await summary(ctx, sittingId),
    entries: await entries(ctx, sittingId),
    documents: await reportDocuments(ctx, sittingId),
    auditHead: await auditHead(ctx.db),
    generatedAt: new Date().toISOString(),
    timeZone: ctx.timeZone,
  };
}

export async function deputyRecord(ctx: ServiceContext, deputyId: number): Promise<DeputyRecord> {
  const deputy = await getDeputy(ctx, deputyId);
  const body = await getBody(ctx, deputy.bodyId);
  const sittings: DeputySittingRecord[] = (await reports.deputySittings(ctx.db, deputyId)).map((r) => ({
    meetingId: r.meeting_id,
    meetingName: r.meeting_name,
    sittingId: r.sitting_id,
    sittingName: r.sitting_name,
    startsAt: r.starts_at,
    status: r.method ? 'present' : r.leave_reason !== null ? 'leave' : r.held ? 'absent' : 'pending',
    method: r.method,
    at: r.checked_in_at,
    leaveReason: r.leave_reason,
  }));
  const voteRows = await reports.deputyVotes(ctx.db, deputyId);
  const ballots = await reports.openBallotsOf(ctx.db, deputyId);
  const labels = await reports.optionLabels(ctx.db, [...ballots.keys()]);
  const votes: DeputyVoteRecord[] = voteRows.map((r) => {
    const ballot = r.secrecy === 'open' ? ballots.get(r.vote_id) : undefined;
    return {
      voteId: r.vote_id,
      meetingName: r.meeting_name,
      sittingName: r.sitting_name,
      title: r.title,
      kind: r.kind,
      secrecy: r.secrecy,
      state: r.state,
      participated: r.participated === 1,
      choice: ballot
        ? Object.entries(ballot.marks).map(([optionId, mark]) => ({
            label: labels.get(Number(optionId)) ?? `#${optionId}`,
            mark: mark as Mark | RatingMark,
          }))
        : null,
      writeIns: ballot?.writeIns ?? [],
    };
  });
  const count = (status: DeputySittingRecord['status']) => sittings.filter((s) => s.status === status).length;
  return {
    deputy,
    bodyName: body.name,
    totals: {
      sittings: sittings.length,
      present: count('present'),
      leave: count('leave'),
      absent: count('absent'),
      pending: count('pending'),
      votes: votes.length,
      participated: votes.filter((v) => v.participated).length,
    },
    sittings,
    votes,
    speeches: await speechesOfDeputy(ctx.db, deputyId),
    generatedAt: new Date().toISOString(),
  };
}
