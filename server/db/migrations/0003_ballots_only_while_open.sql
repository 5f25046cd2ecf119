-- A ballot row is only ever written while its vote is open. The ballot path checks this in memory first; the
-- trigger makes the database itself refuse a late write (a cast accepted just before a close and committed just
-- after it), in the same statement that writes the ballot instead of a separate read before it.

CREATE TRIGGER ballots_only_while_open BEFORE INSERT ON ballots
WHEN (SELECT state FROM votes WHERE id = NEW.vote_id) IS NOT 'open'
BEGIN
  SELECT RAISE(ABORT, 'ERR_VOTE_NOT_OPEN');
END;
