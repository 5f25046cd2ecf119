-- Placeholder so that 0005 applies on this branch: number 0004 belongs to another branch's migration.
-- Delete this file when that branch's 0004 is merged (the runner wants numbers without gaps).
SELECT 1;
