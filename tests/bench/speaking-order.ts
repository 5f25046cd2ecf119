// The order checks of bench:speaking, apart so they read on their own: the queue must be exactly the server's arrival
// order, each deputy once, and the console must show what the server holds.
import type { SpeakReply } from '../../shared/schemas/speaking';
import type { SpeakingView } from '../../shared/speaking';

export interface Asked {
  deputyId: number;
  sentAt: number;
  answeredAt: number;
  reply: SpeakReply;
}

export function checkOrder(asked: Asked[], server: SpeakingView, console: SpeakingView | null) {
  const index = new Map(server.queue.map((e, i) => [e.id, i]));
  const distinct = new Set(server.queue.map((e) => e.deputyId)).size;
  const onePerDeputy = distinct === server.queue.length && new Set(asked.map((a) => a.reply.requestId)).size === asked.length;
  // Nobody leaves the queue during the burst, so the place each tablet was told is its place at the end.
  const placesFinal = asked.every((a) => a.reply.position === (index.get(a.reply.requestId) ?? -2) + 1);
  // A request answered before another was even sent arrived first: it must stand ahead of it.
  const byAnswer = [...asked].sort((a, b) => a.answeredAt - b.answeredAt);
  let causal = true;
  let pairs = 0;
  for (const b of asked) {
    for (const a of byAnswer) {
      if (a.answeredAt >= b.sentAt) break;
      pairs += 1;
      if (index.get(a.reply.requestId)! >= index.get(b.reply.requestId)!) causal = false;
    }
  }
  const consoleSame = !!console && console.queue.map((e) => e.id).join() === server.queue.map((e) => e.id).join();
  return { ok: onePerDeputy && placesFinal && causal && consoleSame, distinct, onePerDeputy, placesFinal, causal, pairs, consoleSame };
}
