-- Check-in by camera frames decided on the server (issue 13).

-- The frames a face check-in was decided on (frontal, turned, back), kept as evidence; checkins.evidence keeps
-- the frontal one as before. Erased with the deputy's biometric data and dropped after the retention period.
CREATE TABLE checkin_frames (
  checkin_id  INTEGER NOT NULL REFERENCES checkins(id),
  position    INTEGER NOT NULL,
  label       TEXT NOT NULL CHECK (label IN ('frontal', 'turned', 'back')),
  jpeg        BLOB NOT NULL,
  PRIMARY KEY (checkin_id, position)
);

-- Passive anti-spoof score of the frontal frame (fr_liveness.onnx): information for the reviewer, not a gate.
ALTER TABLE checkins ADD COLUMN antispoof REAL;

-- A print of every frame the server was sent in a sitting, so the same frames cannot be sent again:
-- sha256 for byte-identical, luma = 32×24 grey levels of the whole frame for near-identical (a re-encoded copy).
CREATE TABLE frame_prints (
  id          INTEGER PRIMARY KEY,
  sitting_id  INTEGER NOT NULL REFERENCES sittings(id),
  sha256      TEXT NOT NULL,
  luma        BLOB NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX frame_prints_sitting ON frame_prints (sitting_id);

-- Face check-ins and identifications the server refused, and door kiosks that gave up on someone: shown to the
-- clerks so one can walk over. The frame is evidence like any other and follows the retention period.
CREATE TABLE face_refusals (
  id          INTEGER PRIMARY KEY,
  sitting_id  INTEGER NOT NULL REFERENCES sittings(id),
  device_id   INTEGER NOT NULL REFERENCES devices(id),
  reason      TEXT NOT NULL,
  frame       BLOB,
  created_at  TEXT NOT NULL
);
CREATE INDEX face_refusals_sitting ON face_refusals (sitting_id, id);
