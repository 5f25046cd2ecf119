-- Placeholder so that 0007 applies on this branch: number 0005 belongs to another branch's migration.
-- Delete this file when that branch's 0005 is merged (the runner wants numbers without gaps).
SELECT 1;
