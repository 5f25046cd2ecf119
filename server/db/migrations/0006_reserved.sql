-- Placeholder so that 0007 applies on this branch: number 0006 belongs to another branch's migration.
-- Delete this file when that branch's 0006 is merged (the runner wants numbers without gaps).
SELECT 1;
