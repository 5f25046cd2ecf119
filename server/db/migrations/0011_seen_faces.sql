-- The faces the server has seen of each deputy at check-in and at the seats, of every sitting, kept as descriptors
-- only (no picture): a frame whose face, or its mirror image, is nearly one of these is a replay, whatever was done to
-- its pixels (services/seen-faces.ts). Biometric: erased with the deputy's other face data.
CREATE TABLE seen_faces (
  id          INTEGER PRIMARY KEY,
  deputy_id   INTEGER NOT NULL REFERENCES deputies(id),
  sitting_id  INTEGER NOT NULL REFERENCES sittings(id),
  device_id   INTEGER NOT NULL REFERENCES devices(id),
  model       TEXT NOT NULL,
  descriptor  BLOB NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX seen_faces_deputy ON seen_faces (deputy_id, model);
