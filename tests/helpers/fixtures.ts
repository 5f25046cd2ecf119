// A body with a roster, a meeting with one sitting and its participants, made through the public API.
import type { FastifyInstance } from 'fastify';
import type { AttendanceEntry, BodyView, MeetingView, VoteView } from '../../shared/views';
import type { CreateVote } from '../../shared/schemas/votes';
import { call } from './app';

export interface Sitting {
  body: BodyView;
  meeting: MeetingView;
  sittingId: number;
  /** deputy id → participant id */
  participantOf: Map<number, number>;
  deputyIds: number[];
}

export async function seedSitting(app: FastifyInstance, deputies: number): Promise<Sitting> {
  const { body } = await call<BodyView>(app, 'POST', '/api/bodies', { name: '某镇第八届人民代表大会' }, 201);
  const rows = Array.from({ length: deputies }, (_, i) => ({
    name: `代表${i + 1}`,
    cardNo: `D${String(i + 1).padStart(4, '0')}`,
    delegation: `第${(i % 3) + 1}选区`,
  }));
  await call(app, 'POST', `/api/bodies/${body.id}/roster`, { rows }, 200);
  const { body: meeting } = await call<MeetingView>(
    app,
    'POST',
    `/api/bodies/${body.id}/meetings`,
    { name: '第二次会议', sittings: [{ name: '第一次全体会议' }] },
    201,
  );
  const sittingId = meeting.sittings[0]!.id;
  const { body: att } = await call<{ entries: AttendanceEntry[] }>(app, 'GET', `/api/sittings/${sittingId}/attendance`);
  const participantOf = new Map<number, number>();
  for (const e of att.entries) if (e.participant.deputyId) participantOf.set(e.participant.deputyId, e.participant.id);
  return { body, meeting, sittingId, participantOf, deputyIds: [...participantOf.keys()].sort((a, b) => a - b) };
}

export async function checkIn(app: FastifyInstance, s: Sitting, deputyIds: number[]): Promise<void> {
  for (const id of deputyIds) {
    await call(app, 'POST', `/api/sittings/${s.sittingId}/checkins/manual`, { participantId: s.participantOf.get(id), reason: '测试补签' }, 201);
  }
}

export async function createVote(app: FastifyInstance, s: Sitting, input: CreateVote): Promise<VoteView> {
  const { body: item } = await call<{ id: number }>(app, 'POST', `/api/sittings/${s.sittingId}/agenda`, { title: input.title }, 201);
  return (await call<VoteView>(app, 'POST', `/api/agenda/${item.id}/votes`, input, 201)).body;
}

let counter = 0;
/** A fresh kiosk-style request id. */
export const clientId = (): string => `c${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
