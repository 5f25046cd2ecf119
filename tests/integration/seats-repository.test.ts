// The hall schema and repository on a real file: labels, one participant per seat and one seat per participant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from '../helpers/app';
import { seedSitting, type Sitting } from '../helpers/fixtures';
import {
  findHall,
  insertAssignment,
  insertSeats,
  insertSection,
  participantAtSeat,
  seatOfParticipant,
} from '../../server/repositories/seats-repository';

let t: TestApp;
let s: Sitting;
beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 4);
});
afterAll(() => t.close());

describe('seats repository', () => {
  it('labels seats and keeps one deputy per seat and one seat per deputy per sitting', async () => {
    const db = t.app.ctx.db;
    await db.write(async (tx) => {
      const podium = await insertSection(tx, s.body.id, '主席台', 'podium');
      await insertSeats(tx, podium, [1, 2, 3].map((seat) => ({ row: 1, seat })));
      const floor = await insertSection(tx, s.body.id, '代表席', 'floor');
      await insertSeats(tx, floor, [1, 2, 3].flatMap((row) => [1, 2, 3, 4].map((seat) => ({ row, seat }))));
    });
    const hall = await findHall(db, s.body.id);
    expect(hall.sections.map((x) => [x.name, x.rows, x.seats.length])).toEqual([['主席台', 1, 3], ['代表席', 3, 12]]);
    expect(hall.sections[0]!.seats[1]!.label).toBe('主席台 2 座');
    const seat = hall.sections[1]!.seats.find((x) => x.row === 3 && x.seat === 2)!;
    expect(seat.label).toBe('3排2座');
    const [p1, p2] = [s.participantOf.get(s.deputyIds[0]!)!, s.participantOf.get(s.deputyIds[1]!)!];
    await db.write((tx) => insertAssignment(tx, s.sittingId, seat.id, p1));
    expect((await seatOfParticipant(db, s.sittingId, p1))?.label).toBe('3排2座');
    expect(await participantAtSeat(db, s.sittingId, seat.id)).toBe(p1);
    await expect(db.write((tx) => insertAssignment(tx, s.sittingId, seat.id, p2))).rejects.toThrow(/UNIQUE|PRIMARY/);
    const other = hall.sections[1]!.seats[0]!.id;
    await expect(db.write((tx) => insertAssignment(tx, s.sittingId, other, p1))).rejects.toThrow(/UNIQUE/);
  });
});
