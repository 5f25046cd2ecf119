-- Trust hardening (issue 15).

-- Failed sign-ins per account name and client address (names that do not exist too, so every failure costs the
-- same). One address can lock only itself out of an account: another address still signs in. A lock lasts
-- LOCKOUT_MS, doubling with each lock in a row (backing off), and its failure count starts over when it expires.
CREATE TABLE login_failures (
  username       TEXT NOT NULL COLLATE NOCASE,
  address        TEXT NOT NULL,
  failures       INTEGER NOT NULL,
  locks          INTEGER NOT NULL,
  locked_until   TEXT,
  last_failed_at TEXT NOT NULL,
  PRIMARY KEY (username, address)
) WITHOUT ROWID;
-- The old per-account counter, replaced by login_failures (it let one address lock an account for good).
ALTER TABLE staff DROP COLUMN failed_logins;
ALTER TABLE staff DROP COLUMN locked_until;
