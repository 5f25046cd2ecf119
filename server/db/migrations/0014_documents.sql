-- 会议文件: PDFs of a sitting, or of one of its agenda items, read on the seat tablets. A document is what the clerk
-- names and places; each upload of it is a version (replacing adds one, the old one's record stays). The bytes live
-- on disk by SHA-256 under the data folder (documents/ab/<sha256>.pdf); the row keeps the hash, so audit:verify can
-- tell a file swapped on disk.
CREATE TABLE documents (
  id               INTEGER PRIMARY KEY,
  sitting_id       INTEGER NOT NULL REFERENCES sittings(id),
  agenda_item_id   INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,  -- NULL: the sitting as a whole (also once its item is deleted)
  title            TEXT NOT NULL,
  visibility       TEXT NOT NULL CHECK (visibility IN ('tablets', 'presidium', 'paper')),
  current_version  INTEGER NOT NULL DEFAULT 1,
  withdrawn_at     TEXT,                                  -- 撤回: off every tablet, kept for the record
  withdraw_reason  TEXT,
  withdrawn_by     TEXT,
  created_at       TEXT NOT NULL,
  CHECK ((withdrawn_at IS NULL) = (withdraw_reason IS NULL))
);
CREATE INDEX documents_sitting ON documents (sitting_id);

CREATE TABLE document_versions (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id),
  version      INTEGER NOT NULL,
  name         TEXT NOT NULL,                             -- the file's name as uploaded
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  size         INTEGER NOT NULL,
  pages        INTEGER NOT NULL,
  outline      TEXT NOT NULL DEFAULT '[]',                -- JSON: the PDF's top-level outline titles
  uploaded_by  TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  UNIQUE (document_id, version)
);
CREATE INDEX document_versions_sha ON document_versions (sha256);
