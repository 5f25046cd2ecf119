// The hall (hall_sections, hall_seats) and who sits where per sitting (seat_assignments). All hall SQL lives here.
import type { HallSection, HallSeat, HallView, SeatAssignmentView, SectionKind } from '../../shared/hall';
import { seatLabel } from '../../shared/seat-label';
import type { Tx } from '../db/database';
import { BODY_ORDER, type Reader } from './rows';

interface SeatRow {
  id: number;
  section_id: number;
  row_no: number;
  seat_no: number;
  section: string;
  section_rows: number;
  multi_row: number;
}

// What a seat's label needs besides its row: its section's rows and how many multi-row sections the hall has.
const SEAT_SELECT = `SELECT s.id, s.section_id, s.row_no, s.seat_no, h.name AS section,
    (SELECT COUNT(DISTINCT x.row_no) FROM hall_seats x WHERE x.section_id = h.id) AS section_rows,
    (SELECT COUNT(*) FROM hall_sections o WHERE o.body_id = h.body_id
       AND (SELECT COUNT(DISTINCT y.row_no) FROM hall_seats y WHERE y.section_id = o.id) > 1) AS multi_row
  FROM hall_seats s JOIN hall_sections h ON h.id = s.section_id`;

const toSeat = (r: SeatRow): HallSeat => ({
  id: r.id,
  sectionId: r.section_id,
  row: r.row_no,
  seat: r.seat_no,
  label: seatLabel({ section: r.section, sectionRows: r.section_rows, row: r.row_no, seat: r.seat_no }, r.multi_row),
});

/** The body's hall: sections in their order, seats by row then seat. */
export async function findHall(db: Reader, bodyId: number): Promise<HallView> {
  const sections = await db.all<{ id: number; name: string; kind: SectionKind; position: number }>(
    'SELECT id, name, kind, position FROM hall_sections WHERE body_id = ? ORDER BY position, id',
    [bodyId],
  );
  const seats = await db.all<SeatRow>(`${SEAT_SELECT} WHERE h.body_id = ? ORDER BY s.row_no, s.seat_no`, [bodyId]);
  const bySection = new Map<number, HallSeat[]>(sections.map((s) => [s.id, []]));
  for (const r of seats) bySection.get(r.section_id)?.push(toSeat(r));
  return {
    bodyId,
    sections: sections.map((s): HallSection => {
      const list = bySection.get(s.id) ?? [];
      return { ...s, rows: new Set(list.map((x) => x.row)).size, seats: list };
    }),
  };
}

/** One seat with its label and its body, or undefined. */
export async function findSeat(db: Reader, seatId: number): Promise<(HallSeat & { bodyId: number }) | undefined> {
  const r = await db.get<SeatRow & { body_id: number }>(
    `${SEAT_SELECT.replace('AS multi_row', 'AS multi_row, h.body_id')} WHERE s.id = ?`,
    [seatId],
  );
  return r && { ...toSeat(r), bodyId: r.body_id };
}

export async function insertSection(tx: Tx, bodyId: number, name: string, kind: SectionKind): Promise<number> {
  const next = await tx.get<{ p: number }>('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM hall_sections WHERE body_id = ?', [bodyId]);
  const { lastID } = await tx.run('INSERT INTO hall_sections (body_id, name, kind, position) VALUES (?, ?, ?, ?)', [
    bodyId,
    name,
    kind,
    next?.p ?? 1,
  ]);
  return lastID;
}

/** Adds seats to a section in one statement per 200 (SQLite's parameter limit is far above 600). */
export async function insertSeats(tx: Tx, sectionId: number, seats: ReadonlyArray<{ row: number; seat: number }>): Promise<void> {
  for (let i = 0; i < seats.length; i += 200) {
    const chunk = seats.slice(i, i + 200);
    await tx.run(
      `INSERT INTO hall_seats (section_id, row_no, seat_no) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
      chunk.flatMap((s) => [sectionId, s.row, s.seat]),
    );
  }
}

export async function findSection(db: Reader, sectionId: number): Promise<{ id: number; bodyId: number; name: string } | undefined> {
  const r = await db.get<{ id: number; body_id: number; name: string }>('SELECT id, body_id, name FROM hall_sections WHERE id = ?', [sectionId]);
  return r && { id: r.id, bodyId: r.body_id, name: r.name };
}

export async function sectionIdByName(db: Reader, bodyId: number, name: string): Promise<number | undefined> {
  return (await db.get<{ id: number }>('SELECT id FROM hall_sections WHERE body_id = ? AND name = ?', [bodyId, name]))?.id;
}

/** How many seat assignments (any sitting) a section's seats hold, or the whole hall's when sectionId is null. */
export async function countAssigned(db: Reader, bodyId: number, sectionId: number | null): Promise<number> {
  const r = await db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM seat_assignments a JOIN hall_seats s ON s.id = a.seat_id JOIN hall_sections h ON h.id = s.section_id
     WHERE h.body_id = ? AND (? IS NULL OR h.id = ?)`,
    [bodyId, sectionId, sectionId],
  );
  return r?.n ?? 0;
}

export async function deleteSection(tx: Tx, sectionId: number): Promise<void> {
  await tx.run('DELETE FROM hall_seats WHERE section_id = ?', [sectionId]);
  await tx.run('DELETE FROM hall_sections WHERE id = ?', [sectionId]);
}

/** The seat a participant holds at a sitting, with its label, or undefined. */
export async function seatOfParticipant(db: Reader, sittingId: number, participantId: number): Promise<HallSeat | undefined> {
  const r = await db.get<SeatRow>(
    `${SEAT_SELECT} JOIN seat_assignments a ON a.seat_id = s.id WHERE a.sitting_id = ? AND a.participant_id = ?`,
    [sittingId, participantId],
  );
  return r && toSeat(r);
}

/** Who sits in a seat at a sitting (participant id), or undefined for an empty seat. */
export async function participantAtSeat(db: Reader, sittingId: number, seatId: number): Promise<number | undefined> {
  const r = await db.get<{ participant_id: number }>(
    'SELECT participant_id FROM seat_assignments WHERE sitting_id = ? AND seat_id = ?',
    [sittingId, seatId],
  );
  return r?.participant_id;
}

/** Every occupied seat of a sitting with its occupant. */
export async function listAssignments(db: Reader, sittingId: number): Promise<SeatAssignmentView[]> {
  const rows = await db.all<{ seat_id: number; participant_id: number; name: string; role: SeatAssignmentView['role']; delegation: string | null }>(
    `SELECT a.seat_id, a.participant_id, p.name, p.role, COALESCE(d.delegation, p.organisation) AS delegation
     FROM seat_assignments a JOIN participants p ON p.id = a.participant_id LEFT JOIN deputies d ON d.id = p.deputy_id
     WHERE a.sitting_id = ?`,
    [sittingId],
  );
  return rows.map((r) => ({ seatId: r.seat_id, participantId: r.participant_id, name: r.name, role: r.role, delegation: r.delegation }));
}

export async function insertAssignment(tx: Tx, sittingId: number, seatId: number, participantId: number): Promise<void> {
  await tx.run('INSERT INTO seat_assignments (sitting_id, seat_id, participant_id) VALUES (?, ?, ?)', [sittingId, seatId, participantId]);
}

export async function deleteAssignmentOf(tx: Tx, sittingId: number, participantId: number): Promise<void> {
  await tx.run('DELETE FROM seat_assignments WHERE sitting_id = ? AND participant_id = ?', [sittingId, participantId]);
}

export async function deleteAssignmentAt(tx: Tx, sittingId: number, seatId: number): Promise<void> {
  await tx.run('DELETE FROM seat_assignments WHERE sitting_id = ? AND seat_id = ?', [sittingId, seatId]);
}

/** Empties a sitting's seats of the given kind ('floor': what the fill redoes), or all seats when kind is null. */
export async function clearAssignments(tx: Tx, sittingId: number, kind: SectionKind | null): Promise<void> {
  await tx.run(
    `DELETE FROM seat_assignments WHERE sitting_id = ? AND (? IS NULL OR seat_id IN
       (SELECT s.id FROM hall_seats s JOIN hall_sections h ON h.id = s.section_id WHERE h.kind = ?))`,
    [sittingId, kind, kind],
  );
}

/**
 * Who the one-click fill seats, in order: the sitting's deputies in office in the body's order (one order everywhere,
 * rows.ts BODY_ORDER), then its 列席 observers; staff and anyone already seated on a 主席台 are left out.
 */
export async function fillOrder(db: Reader, sittingId: number): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    `SELECT p.id FROM participants p JOIN sittings st ON st.meeting_id = p.meeting_id
     LEFT JOIN deputies d ON d.id = p.deputy_id
     WHERE st.id = ? AND p.role IN ('deputy', 'observer') AND (p.role = 'observer' OR d.status = 'active')
       AND p.id NOT IN (SELECT participant_id FROM seat_assignments WHERE sitting_id = st.id)
     ORDER BY p.role, ${BODY_ORDER}, p.id`,
    [sittingId],
  );
  return rows.map((r) => r.id);
}

/** The free seats of a sitting's 代表席 sections, in the hall's order: section, row, seat. */
export async function freeFloorSeats(db: Reader, sittingId: number, bodyId: number): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    `SELECT s.id FROM hall_seats s JOIN hall_sections h ON h.id = s.section_id
     WHERE h.body_id = ? AND h.kind = 'floor'
       AND s.id NOT IN (SELECT seat_id FROM seat_assignments WHERE sitting_id = ?)
     ORDER BY h.position, h.id, s.row_no, s.seat_no`,
    [bodyId, sittingId],
  );
  return rows.map((r) => r.id);
}

/** Active seat tablets given a seat (devices.seat_id): seat id → device ids. */
export async function seatTablets(db: Reader): Promise<Map<number, number[]>> {
  const rows = await db.all<{ id: number; seat_id: number }>(
    "SELECT id, seat_id FROM devices WHERE seat_id IS NOT NULL AND status = 'active' AND mode = 'seat'",
  );
  const out = new Map<number, number[]>();
  for (const r of rows) out.set(r.seat_id, [...(out.get(r.seat_id) ?? []), r.id]);
  return out;
}

/** deputy id → participant id in the sitting's meeting. */
export async function participantsOfDeputies(db: Reader, sittingId: number): Promise<Map<number, number>> {
  const rows = await db.all<{ id: number; deputy_id: number }>(
    'SELECT p.id, p.deputy_id FROM participants p JOIN sittings s ON s.meeting_id = p.meeting_id WHERE s.id = ? AND p.deputy_id IS NOT NULL',
    [sittingId],
  );
  return new Map(rows.map((r) => [r.deputy_id, r.id]));
}
