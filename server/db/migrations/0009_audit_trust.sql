-- Trust, second round (issue 22).

-- The voter-token key is derived from the secret file beside the database (server/data-secret.ts), no longer kept
-- here: a key in the file signed tokens for whoever wrote one in. secure_delete zeroes the old one's bytes.
DELETE FROM settings WHERE key = 'voter_token_key';

-- The tablets that cast in a closed secret vote, written once by its seal in device order (no time, no order of
-- casting, no deputy): only they may file a tracker report for it (services/tracker-service.ts).
CREATE TABLE vote_tablets (
  vote_id    INTEGER NOT NULL REFERENCES votes(id),
  device_id  INTEGER NOT NULL REFERENCES devices(id),
  PRIMARY KEY (vote_id, device_id)
) WITHOUT ROWID;

-- The deputy a refused frame or a frame's print is known to show, once the server recognised them: erasing the
-- deputy's biometric data erases these too (faces-repository eraseBiometrics). NULL when nobody was recognised.
ALTER TABLE face_refusals ADD COLUMN deputy_id INTEGER REFERENCES deputies(id);
ALTER TABLE frame_prints ADD COLUMN deputy_id INTEGER REFERENCES deputies(id);
CREATE INDEX frame_prints_deputy ON frame_prints (deputy_id) WHERE deputy_id IS NOT NULL;
