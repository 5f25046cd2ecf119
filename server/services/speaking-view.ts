// A sitting's speaking state (发言) as one view: read by the routes, the chair's actions and the live feed (its own
// file, so the feed and the request service do not import each other).
import { DEFAULT_SPEECH_SECONDS, type SpeakingView } from '../../shared/speaking';
import * as speaking from '../repositories/speaking-repository';
import type { ServiceContext } from './context';
import { getSitting } from './meeting-service';

/** A sitting's speaking state as consoles and the big screen show it (seq is set by the feed). */
export async function speakingView(ctx: ServiceContext, sittingId: number, seq = 0): Promise<SpeakingView> {
  await getSitting(ctx, sittingId);
  const [limits, floor, queue, spoken] = await Promise.all([
    speaking.limitsOf(ctx.db, sittingId, DEFAULT_SPEECH_SECONDS),
    speaking.floorOf(ctx.db, sittingId),
    speaking.queueOf(ctx.db, sittingId),
    speaking.spokenCount(ctx.db, sittingId),
  ]);
  return { sittingId, seq, serverNow: Date.now(), limits, floor, queue, spoken };
}
