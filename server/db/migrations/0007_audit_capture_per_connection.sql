-- The audit capture moves off the file (issue 15, item 8): the triggers of migration 0006 and their table
-- audit_changes were stored in the file, so an edit made by another process while the server ran (the sqlite3 tool)
-- fired them too, and the server's next write batch logged that edit as its own. The server now makes the same
-- triggers and table as TEMP objects on its own writer connection at each start (server/audit/covered.ts
-- captureSql), which no other connection can fire. Any change still waiting in the old table was made outside
-- the server: it is dropped with it, and audit:verify reports the edit itself (the tables differ from the log).

DROP TRIGGER IF EXISTS main.audit_staff_insert;
DROP TRIGGER IF EXISTS main.audit_staff_update;
DROP TRIGGER IF EXISTS main.audit_staff_delete;
DROP TRIGGER IF EXISTS main.audit_sessions_insert;
DROP TRIGGER IF EXISTS main.audit_sessions_update;
DROP TRIGGER IF EXISTS main.audit_sessions_delete;
DROP TRIGGER IF EXISTS main.audit_bodies_insert;
DROP TRIGGER IF EXISTS main.audit_bodies_update;
DROP TRIGGER IF EXISTS main.audit_bodies_delete;
DROP TRIGGER IF EXISTS main.audit_deputies_insert;
DROP TRIGGER IF EXISTS main.audit_deputies_update;
DROP TRIGGER IF EXISTS main.audit_deputies_delete;
DROP TRIGGER IF EXISTS main.audit_meetings_insert;
DROP TRIGGER IF EXISTS main.audit_meetings_update;
DROP TRIGGER IF EXISTS main.audit_meetings_delete;
DROP TRIGGER IF EXISTS main.audit_sittings_insert;
DROP TRIGGER IF EXISTS main.audit_sittings_update;
DROP TRIGGER IF EXISTS main.audit_sittings_delete;
DROP TRIGGER IF EXISTS main.audit_participants_insert;
DROP TRIGGER IF EXISTS main.audit_participants_update;
DROP TRIGGER IF EXISTS main.audit_participants_delete;
DROP TRIGGER IF EXISTS main.audit_leaves_insert;
DROP TRIGGER IF EXISTS main.audit_leaves_update;
DROP TRIGGER IF EXISTS main.audit_leaves_delete;
DROP TRIGGER IF EXISTS main.audit_checkins_insert;
DROP TRIGGER IF EXISTS main.audit_checkins_update;
DROP TRIGGER IF EXISTS main.audit_checkins_delete;
DROP TRIGGER IF EXISTS main.audit_devices_insert;
DROP TRIGGER IF EXISTS main.audit_devices_update;
DROP TRIGGER IF EXISTS main.audit_devices_delete;
DROP TRIGGER IF EXISTS main.audit_agenda_items_insert;
DROP TRIGGER IF EXISTS main.audit_agenda_items_update;
DROP TRIGGER IF EXISTS main.audit_agenda_items_delete;
DROP TRIGGER IF EXISTS main.audit_votes_insert;
DROP TRIGGER IF EXISTS main.audit_votes_update;
DROP TRIGGER IF EXISTS main.audit_votes_delete;
DROP TRIGGER IF EXISTS main.audit_options_insert;
DROP TRIGGER IF EXISTS main.audit_options_update;
DROP TRIGGER IF EXISTS main.audit_options_delete;
DROP TRIGGER IF EXISTS main.audit_vote_electorate_insert;
DROP TRIGGER IF EXISTS main.audit_vote_electorate_update;
DROP TRIGGER IF EXISTS main.audit_vote_electorate_delete;
DROP TRIGGER IF EXISTS main.audit_votes_closed;
DROP TABLE IF EXISTS main.audit_changes;
