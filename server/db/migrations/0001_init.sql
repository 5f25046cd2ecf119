-- Quorum initial schema. Times are ISO-8601 UTC text. Forward-only: never edit a landed migration.

CREATE TABLE bodies (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,                 -- 某镇第八届人民代表大会
  rules       TEXT NOT NULL,                 -- JSON BodyRules
  created_at  TEXT NOT NULL
);

CREATE TABLE deputies (
  id          INTEGER PRIMARY KEY,
  body_id     INTEGER NOT NULL REFERENCES bodies(id),
  name        TEXT NOT NULL,
  gender      TEXT,
  delegation  TEXT,                          -- 代表团 / 选区
  card_no     TEXT NOT NULL,                 -- 代表证号
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'terminated')),
  thumbnail   BLOB,                          -- small JPEG of the enrolled face, shown on check-in
  created_at  TEXT NOT NULL,
  UNIQUE (body_id, card_no)
);

-- Face descriptors of enrolled photos; several per deputy improve matching. Erasable on request.
CREATE TABLE face_descriptors (
  id          INTEGER PRIMARY KEY,
  deputy_id   INTEGER NOT NULL REFERENCES deputies(id) ON DELETE CASCADE,
  model       TEXT NOT NULL,                 -- which descriptor model produced it
  descriptor  BLOB NOT NULL,                 -- Float32 little-endian
  source      TEXT,                          -- photo file name it came from
  score       REAL,                          -- detection score
  created_at  TEXT NOT NULL
);
CREATE INDEX face_descriptors_deputy ON face_descriptors (deputy_id);

CREATE TABLE meetings (
  id          INTEGER PRIMARY KEY,
  body_id     INTEGER NOT NULL REFERENCES bodies(id),
  name        TEXT NOT NULL,                 -- 第二次会议
  created_at  TEXT NOT NULL
);

CREATE TABLE sittings (
  id          INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
  name        TEXT NOT NULL,                 -- 第一次全体会议
  starts_at   TEXT,
  created_at  TEXT NOT NULL
);

-- Who attends a meeting. Deputies of the body are added when the meeting is created or a deputy joins
-- the roster; 列席 (observer) and staff are added by a clerk and never vote.
CREATE TABLE participants (
  id            INTEGER PRIMARY KEY,
  meeting_id    INTEGER NOT NULL REFERENCES meetings(id),
  role          TEXT NOT NULL CHECK (role IN ('deputy', 'observer', 'staff')),
  deputy_id     INTEGER REFERENCES deputies(id),
  name          TEXT NOT NULL,
  organisation  TEXT,
  created_at    TEXT NOT NULL,
  CHECK ((role = 'deputy') = (deputy_id IS NOT NULL)),
  UNIQUE (meeting_id, deputy_id)
);

CREATE TABLE leaves (
  id              INTEGER PRIMARY KEY,
  sitting_id      INTEGER NOT NULL REFERENCES sittings(id),
  participant_id  INTEGER NOT NULL REFERENCES participants(id),
  reason          TEXT NOT NULL,
  staff_id        INTEGER REFERENCES staff(id),
  created_at      TEXT NOT NULL,
  UNIQUE (sitting_id, participant_id)
);

-- One check-in per participant per sitting; a second attempt answers "already checked in".
CREATE TABLE checkins (
  id              INTEGER PRIMARY KEY,
  sitting_id      INTEGER NOT NULL REFERENCES sittings(id),
  participant_id  INTEGER NOT NULL REFERENCES participants(id),
  method          TEXT NOT NULL CHECK (method IN ('face', 'manual')),
  device_id       INTEGER REFERENCES devices(id),
  staff_id        INTEGER REFERENCES staff(id),
  reason          TEXT,                      -- required for manual check-in
  distance        REAL,                      -- face match distance
  margin          REAL,                      -- gap to the second-best identity
  liveness        TEXT,                      -- JSON liveness result from the kiosk
  evidence        BLOB,                      -- live JPEG kept as evidence against 代签
  client_id       TEXT,                      -- kiosk-made id: a retry is recorded once
  created_at      TEXT NOT NULL,
  UNIQUE (sitting_id, participant_id)
);

CREATE TABLE agenda_items (
  id          INTEGER PRIMARY KEY,
  sitting_id  INTEGER NOT NULL REFERENCES sittings(id),
  position    INTEGER NOT NULL,
  title       TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

CREATE TABLE votes (
  id              INTEGER PRIMARY KEY,
  agenda_item_id  INTEGER NOT NULL REFERENCES agenda_items(id),
  sitting_id      INTEGER NOT NULL REFERENCES sittings(id),
  kind            TEXT NOT NULL CHECK (kind IN ('resolution', 'project', 'election', 'rating')),
  title           TEXT NOT NULL,
  secrecy         TEXT NOT NULL CHECK (secrecy IN ('open', 'secret')),
  change_policy   TEXT NOT NULL CHECK (change_policy IN ('last', 'first')),
  max_yes         INTEGER,                   -- project: N of M; election: seats
  allow_write_in  INTEGER NOT NULL DEFAULT 0,
  pass_rule       TEXT NOT NULL,             -- JSON PassRule
  rating_verdict  TEXT,                      -- JSON RatingVerdictRule
  state           TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed', 'announced', 'cancelled')),
  in_office       INTEGER,                   -- deputies in office when it opened (the 'all' base)
  present         INTEGER,                   -- deputies present when it closed (the 'present' base)
  quorum_override TEXT,                      -- reason, when opened without quorum
  result          TEXT,                      -- JSON result, fixed at close
  opened_at       TEXT,
  closed_at       TEXT,
  announced_at    TEXT,
  created_at      TEXT NOT NULL
);

CREATE TABLE options (
  id           INTEGER PRIMARY KEY,
  vote_id      INTEGER NOT NULL REFERENCES votes(id),
  position     INTEGER NOT NULL,
  label        TEXT NOT NULL,
  description  TEXT
);

-- Who may vote: the deputies in office when the vote opened (fixed then, as the law's 全体代表 is).
CREATE TABLE vote_electorate (
  vote_id    INTEGER NOT NULL REFERENCES votes(id),
  deputy_id  INTEGER NOT NULL REFERENCES deputies(id),
  PRIMARY KEY (vote_id, deputy_id)
) WITHOUT ROWID;

-- Ballot contents. WITHOUT ROWID and keyed by (vote, ballot_key) so no hidden rowid orders them.
-- open vote:   ballot_key = 'deputy:<id>' and deputy_id is set (记名: the record shows who chose what).
-- secret vote: ballot_key = hex SHA-256 of a random secret only the voting tablet holds; deputy_id is NULL;
--              no device, no time, nothing that ties the row to the participation row.
CREATE TABLE ballots (
  vote_id     INTEGER NOT NULL REFERENCES votes(id),
  ballot_key  TEXT NOT NULL,
  deputy_id   INTEGER REFERENCES deputies(id),
  content     TEXT NOT NULL,                 -- JSON BallotContent
  PRIMARY KEY (vote_id, ballot_key)
) WITHOUT ROWID;

-- Participation ("has voted"), stored apart from the ballot content.
CREATE TABLE participation (
  vote_id        INTEGER NOT NULL REFERENCES votes(id),
  deputy_id      INTEGER NOT NULL REFERENCES deputies(id),
  device_id      INTEGER REFERENCES devices(id),
  first_cast_at  TEXT NOT NULL,
  last_cast_at   TEXT NOT NULL,
  changes        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (vote_id, deputy_id)
) WITHOUT ROWID;

-- Every cast request id seen, so a retry after a lost answer is recorded once and a late retry of an
-- older request never undoes a newer change. Holds no ballot content.
CREATE TABLE cast_requests (
  vote_id    INTEGER NOT NULL REFERENCES votes(id),
  client_id  TEXT NOT NULL,
  deputy_id  INTEGER NOT NULL REFERENCES deputies(id),
  outcome    TEXT NOT NULL,                  -- 'recorded' | 'changed'
  PRIMARY KEY (vote_id, client_id)
) WITHOUT ROWID;

CREATE TABLE devices (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  mode          TEXT NOT NULL DEFAULT 'door' CHECK (mode IN ('door', 'seat', 'screen')),
  pairing_code  TEXT,                        -- 6 digits shown on the tablet until a clerk accepts it
  token_hash    TEXT,                        -- SHA-256 of the device token; the token itself is never stored
  status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'revoked')),
  sitting_id    INTEGER REFERENCES sittings(id),
  seat          TEXT,
  last_seen_at  TEXT,
  created_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX devices_pairing_code ON devices (pairing_code) WHERE status = 'pending';

CREATE TABLE staff (
  id             INTEGER PRIMARY KEY,
  username       TEXT NOT NULL UNIQUE,
  display_name   TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'chair')),
  password_hash  TEXT,
  disabled       INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL
);

-- Append-only log of every change that matters; hash chains each entry to the one before.
CREATE TABLE audit_events (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,                 -- 'staff:<id>', 'device:<id>', 'system'
  action      TEXT NOT NULL,                 -- 'checkin', 'vote.open', ...
  subject     TEXT,                          -- 'vote:<id>', 'sitting:<id>', ...
  detail      TEXT NOT NULL,                 -- JSON
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
