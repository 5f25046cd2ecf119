// Builds the live state the hub pushes: a meeting snapshot, one sitting's attendance, one vote's view.
import type { MeetingState } from '../../shared/protocol';
import { voteIdsOfMeeting } from '../repositories/votes-repository';
import type { LiveSource } from './live-hub';
import type { ServiceContext } from './context';
import { getMeeting } from './meeting-service';
import { summary } from './attendance-service';
import { doorWatch } from './checkin-review';
import { getVoteView } from './vote-service';
import { sittingAgenda } from './agenda-service';

/** A sitting's attendance with its 人脸校对 part (the hub strips that for tablets). */
const watched = async (ctx: ServiceContext, sittingId: number) => ({ ...(await summary(ctx, sittingId)), watch: await doorWatch(ctx, sittingId) });

export function liveSource(ctx: ServiceContext): LiveSource {
  return {
    async snapshot(meetingId): Promise<MeetingState> {
      const meeting = await getMeeting(ctx, meetingId);
      const attendance = await Promise.all(meeting.sittings.map((s) => watched(ctx, s.id)));
      const votes = await Promise.all((await voteIdsOfMeeting(ctx.db, meetingId)).map((id) => getVoteView(ctx, id)));
      const agenda = await Promise.all(meeting.sittings.map((s) => sittingAgenda(ctx, s.id)));
      return { meeting, attendance, votes, agenda };
    },
    attendance: (sittingId) => watched(ctx, sittingId),
    vote: (voteId) => getVoteView(ctx, voteId),
    agenda: (sittingId) => sittingAgenda(ctx, sittingId),
  };
}
