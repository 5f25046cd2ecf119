-- The agenda (议程, issue 25): each item has a kind and, optionally, its presenter (汇报人); a sitting has a current
-- item (当前议程) that the chair moves and every seat tablet and the big screen show. The new columns are covered by
-- the audit chain (audit/covered.ts).
ALTER TABLE agenda_items ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'
  CHECK (kind IN ('report', 'deliberation', 'vote', 'election', 'inquiry', 'other'));
ALTER TABLE agenda_items ADD COLUMN presenter TEXT;
ALTER TABLE sittings ADD COLUMN current_agenda_item_id INTEGER REFERENCES agenda_items(id);

-- Items made before this were made by the vote form, one per vote: they are votes (选举 for an election).
UPDATE agenda_items SET kind = CASE
    WHEN EXISTS (SELECT 1 FROM votes v WHERE v.agenda_item_id = agenda_items.id AND v.kind = 'election') THEN 'election'
    ELSE 'vote' END
  WHERE EXISTS (SELECT 1 FROM votes v WHERE v.agenda_item_id = agenda_items.id);
