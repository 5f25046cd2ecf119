-- Speaking (发言): requests to speak, in the order they reached the server (arrival), and the time per speech.
CREATE TABLE speech_requests (
  id              INTEGER PRIMARY KEY,
  arrival         INTEGER NOT NULL UNIQUE,      -- the server's arrival order (taken when the request came in)
  sitting_id      INTEGER NOT NULL REFERENCES sittings(id),
  agenda_item_id  INTEGER REFERENCES agenda_items(id),
  turn            TEXT NOT NULL CHECK (turn IN ('speech', 'question', 'answer')),
  deputy_id       INTEGER REFERENCES deputies(id),      -- null for an official's answer (答)
  official        TEXT,                                 -- 答: the official a clerk named
  answers_id      INTEGER REFERENCES speech_requests(id),
  device_id       INTEGER REFERENCES devices(id),       -- the seat tablet it was asked from
  seat            TEXT,                                 -- the deputy's seat label when asked (3排12座), or the tablet's
  client_id       TEXT,                                 -- the tablet's request id: a retry is stored once
  state           TEXT NOT NULL CHECK (state IN ('queued', 'speaking', 'done', 'withdrawn', 'skipped')),
  limit_seconds   INTEGER,
  requested_at    TEXT NOT NULL,
  started_at      TEXT,
  ended_at        TEXT,
  CHECK ((turn = 'answer') = (deputy_id IS NULL)),
  CHECK ((turn = 'answer') = (official IS NOT NULL))
);
CREATE UNIQUE INDEX speech_requests_client ON speech_requests (device_id, client_id) WHERE client_id IS NOT NULL;
-- One open request per deputy per sitting, and one turn on the floor per sitting, whatever path writes.
CREATE UNIQUE INDEX speech_requests_open ON speech_requests (sitting_id, deputy_id) WHERE state IN ('queued', 'speaking') AND deputy_id IS NOT NULL;
CREATE UNIQUE INDEX speech_requests_floor ON speech_requests (sitting_id) WHERE state = 'speaking';
CREATE INDEX speech_requests_deputy ON speech_requests (deputy_id, state);

CREATE TABLE speech_limits (
  sitting_id      INTEGER NOT NULL REFERENCES sittings(id),
  agenda_item_id  INTEGER NOT NULL DEFAULT 0,   -- 0: the sitting's own limit; else that item's
  seconds         INTEGER NOT NULL CHECK (seconds BETWEEN 30 AND 3600),
  PRIMARY KEY (sitting_id, agenda_item_id)
);
