// Speaking (发言) from a seat tablet, as the kiosk asks: a signed request with the voter token the seat issued.
import type { FastifyInstance } from 'fastify';
import type { SpeakReply } from '../../shared/schemas/speaking';
import type { SeatSpeakingView, SpeakingView } from '../../shared/speaking';
import type { ServerMessage } from '../../shared/protocol';
import { inject, type PairedDevice } from './devices';

export async function askToSpeak(app: FastifyInstance, seat: PairedDevice, body: { clientId: string; voterToken: string; agendaItemId?: number }) {
  const res = await inject(app, { method: 'POST', url: '/api/seat/speech-requests', headers: seat.headers, payload: body });
  return { status: res.statusCode, body: res.json<SpeakReply & { error?: { code: string; message: string } }>() };
}

export async function withdraw(app: FastifyInstance, seat: PairedDevice, requestId: number, voterToken: string) {
  const res = await inject(app, { method: 'POST', url: `/api/seat/speech-requests/${requestId}/withdraw`, headers: seat.headers, payload: { voterToken } });
  return { status: res.statusCode, body: res.json<SpeakReply & { error?: { code: string; message: string } }>() };
}

/** The latest speaking view of a sitting among a live client's messages, as the console keeps it (snapshot, then newer seq). */
export function latestSpeaking(messages: readonly ServerMessage[], sittingId: number): SpeakingView | undefined {
  let best: SpeakingView | undefined;
  for (const m of messages) {
    if (m.type === 'snapshot') best = m.state.speaking?.find((v) => v.sittingId === sittingId);
    else if (m.type === 'speaking' && m.speaking.sittingId === sittingId && (!best || m.speaking.seq >= best.seq)) best = m.speaking;
  }
  return best;
}

/** The same for a seat tablet's view. */
export function latestSeatSpeaking(messages: readonly ServerMessage[]): SeatSpeakingView | undefined {
  let best: SeatSpeakingView | undefined;
  for (const m of messages) {
    if (m.type === 'snapshot') best = m.state.seatSpeaking;
    else if (m.type === 'seat-speaking' && (!best || m.speaking.seq >= best.seq)) best = m.speaking;
  }
  return best;
}

/** Waits until `check` holds, polling every 20 ms, for at most `ms`. */
export async function until<T>(get: () => T | undefined, check: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined && check(v)) return v;
    if (Date.now() > end) throw new Error(`not reached in ${ms} ms; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
