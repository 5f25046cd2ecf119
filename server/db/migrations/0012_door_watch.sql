-- The door's physics and 人脸校对 (issue 21). Both tables are covered by the audit chain (audit/covered.ts).
--
-- A check-in a clerk holds as doubtful (存疑) does not count (not present, may not vote) until a clerk confirms
-- (确认) or refuses (驳回) it with a reason. Kept apart from checkins so the check-in row itself never changes.
-- A refused check-in leaves checkins for voided_checkins (below), with its review: the row here goes with it.
CREATE TABLE checkin_reviews (
  id              INTEGER PRIMARY KEY,
  sitting_id      INTEGER NOT NULL REFERENCES sittings(id),
  participant_id  INTEGER NOT NULL REFERENCES participants(id),
  state           TEXT NOT NULL CHECK (state IN ('doubted', 'confirmed')),
  doubted_by      INTEGER REFERENCES staff(id),  -- NULL: held by the door rule (可疑报到), not by a person
  doubt_reason    TEXT,
  decided_by      INTEGER REFERENCES staff(id),
  decide_reason   TEXT,
  created_at      TEXT NOT NULL,
  decided_at      TEXT,
  UNIQUE (sitting_id, participant_id)
);

-- 驳回: a refused check-in is void. It moves here whole (its evidence photo and frames, who held it and why, who
-- refused it and why) and counts nowhere; checkins keeps one row per person and sitting, so the real deputy, whose
-- face someone else used (代签), can then check in as anyone does. checkin_id: the id it had there (ids may recur).
CREATE TABLE voided_checkins (
  id              INTEGER PRIMARY KEY,
  checkin_id      INTEGER NOT NULL,
  sitting_id      INTEGER NOT NULL REFERENCES sittings(id),
  participant_id  INTEGER NOT NULL REFERENCES participants(id),
  method          TEXT NOT NULL,
  device_id       INTEGER REFERENCES devices(id),
  staff_id        INTEGER REFERENCES staff(id),
  reason          TEXT,
  distance        REAL,
  margin          REAL,
  liveness        TEXT,
  evidence        BLOB,
  antispoof       REAL,
  checked_in_at   TEXT NOT NULL,
  doubted_by      INTEGER REFERENCES staff(id),
  doubt_reason    TEXT,
  refused_by      INTEGER NOT NULL REFERENCES staff(id),
  refuse_reason   TEXT NOT NULL,
  refused_at      TEXT NOT NULL
);
CREATE INDEX voided_checkins_sitting ON voided_checkins (sitting_id, participant_id);

CREATE TABLE voided_checkin_frames (
  voided_id  INTEGER NOT NULL REFERENCES voided_checkins(id),
  position   INTEGER NOT NULL,
  label      TEXT NOT NULL,
  jpeg       BLOB NOT NULL,
  PRIMARY KEY (voided_id, position)
);

-- 可疑报到: a door tablet accepted faster than people walk up. The tablet is paused while an alarm is not cleared.
CREATE TABLE door_alarms (
  id            INTEGER PRIMARY KEY,
  device_id     INTEGER NOT NULL REFERENCES devices(id),
  sitting_id    INTEGER NOT NULL REFERENCES sittings(id),
  kind          TEXT NOT NULL CHECK (kind IN ('floor', 'ceiling')),
  detail        TEXT NOT NULL,                 -- JSON: the gap or the count that broke the rule
  raised_at     TEXT NOT NULL,
  cleared_at    TEXT,
  cleared_by    INTEGER REFERENCES staff(id),
  clear_reason  TEXT
);
CREATE INDEX door_alarms_open ON door_alarms (device_id) WHERE cleared_at IS NULL;
CREATE INDEX door_alarms_sitting ON door_alarms (sitting_id);

-- The door's pace is judged on each tablet's recent face check-ins (door_watch repository, faceCheckinTimes).
CREATE INDEX checkins_device_time ON checkins (device_id, created_at);
