-- A deputy bound to a seat tablet for the sitting (issue 26 point 4). After one identification with the head-turn
-- challenge the tablet's seat is bound to that deputy; ballots are then confirmed by one fresh frame each, matched
-- 1:1 against the bound deputy. A face that is not theirs, a copy or replay, or no face for the sitting's presence
-- timeout ends the binding (the row goes; seat.unbind in the audit log says why). Covered by the audit chain.
-- away = 1: the deputy was identified at a tablet that is not their own seat's (代表未在本座位, for the clerks).
CREATE TABLE seat_bindings (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  device_id   INTEGER NOT NULL UNIQUE REFERENCES devices(id),
  sitting_id  INTEGER NOT NULL REFERENCES sittings(id),
  deputy_id   INTEGER NOT NULL REFERENCES deputies(id),
  away        INTEGER NOT NULL DEFAULT 0 CHECK (away IN (0, 1)),
  bound_at    TEXT NOT NULL
);
CREATE INDEX seat_bindings_sitting ON seat_bindings (sitting_id);

-- The seat a seat tablet stands at (chosen at pairing, changed by a clerk on the device row): its deputy for the
-- sitting (seat_assignments) is the one it greets and compares a face with first.
ALTER TABLE devices ADD COLUMN seat_id INTEGER REFERENCES hall_seats(id);
