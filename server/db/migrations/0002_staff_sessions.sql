-- Staff sign-in: sessions kept server-side (the cookie holds a random token; only its hash is stored), a
-- forced password change after a one-time password, and a lockout after repeated failures.

ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN locked_until TEXT;

CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,
  staff_id    INTEGER NOT NULL REFERENCES staff(id),
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_staff ON sessions (staff_id);
