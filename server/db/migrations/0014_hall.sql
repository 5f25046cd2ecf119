-- The hall (会场) of a body and who sits where at each sitting (座位编排, issue 26). Covered by the audit chain
-- (audit/covered.ts): the seat a deputy holds is printed on the 座次表, shown at the door and binds seat tablets.
--
-- A body has one hall, in sections (主席台, 代表席, 东区...), each of rows (排) and seats (座) numbered from 1 as the
-- hall's own plates are. kind: 'podium' sections (主席台) are seated by hand; 'floor' sections are what the one-click
-- fill uses, in the body's order.
CREATE TABLE hall_sections (
  id        INTEGER PRIMARY KEY,
  body_id   INTEGER NOT NULL REFERENCES bodies(id),
  name      TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('podium', 'floor')),
  position  INTEGER NOT NULL,
  UNIQUE (body_id, name)
);

CREATE TABLE hall_seats (
  id          INTEGER PRIMARY KEY,
  section_id  INTEGER NOT NULL REFERENCES hall_sections(id),
  row_no      INTEGER NOT NULL CHECK (row_no >= 1),
  seat_no     INTEGER NOT NULL CHECK (seat_no >= 1),
  UNIQUE (section_id, row_no, seat_no)
);

-- One participant per seat and one seat per participant in a sitting.
CREATE TABLE seat_assignments (
  sitting_id      INTEGER NOT NULL REFERENCES sittings(id),
  seat_id         INTEGER NOT NULL REFERENCES hall_seats(id),
  participant_id  INTEGER NOT NULL REFERENCES participants(id),
  PRIMARY KEY (sitting_id, seat_id),
  UNIQUE (sitting_id, participant_id)
) WITHOUT ROWID;
CREATE INDEX seat_assignments_seat ON seat_assignments (seat_id);
