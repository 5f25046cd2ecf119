// The tables whose rows decide who may vote, who was present and who may act, and the columns of each that
// matter. Every change to them is logged in the hash chain as row hashes (audit/row-log.ts), and audit:verify
// compares the tables, row by row, with what the log says they hold (audit/row-checks.ts).
//
// How a change reaches the log: TEMP triggers (captureSql below), made on the server's writer connection when it
// starts, copy each changed row's columns, as JSON, into a TEMP table audit_changes; before each commit the writer
// hashes them into one 'audit.rows' entry and empties it (row-log.ts). TEMP objects exist only on the connection
// that made them (SQLite lets a TEMP trigger watch a main table and write a TEMP one), so an edit made to the file
// by any other connection — the sqlite3 tool beside the running server — is captured by nothing, logged by no one,
// and the tables then differ from what the log replays (row-checks.ts). Until migration 0007 the triggers and the
// table were stored in the file: another process fired them too, and the server's next batch logged its edit as
// its own. Columns left out change often and decide nothing (last_seen_at, evidence photos, created_at).
// A change the triggers copy while an edit happens offline is none: that is what the baseline and the count catch;
// a cut of the log's tail is caught by the anchor outside the file (anchor.ts).

/**
 * How one table is covered. `columns` as they are; `blobs` as hex (a face descriptor, an aligned crop: verification
 * hashes the row, so a swap or an edit of one byte shows); `where`: only the rows it holds, a condition written with
 * `$` for the row (`$key`), for tables that also keep rows that decide nothing.
 */
export interface Coverage {
  columns: readonly string[];
  blobs?: readonly string[];
  where?: string;
}

// To cover a new table, add one line here: `my_table: { columns: ['id', ...] },` (blobs and where if needed). The
// capture triggers are made from it at start, the next start logs a baseline of its rows (row-log.ts), and
// audit:verify checks it from then on (row-checks.ts). Changing a table's line re-baselines that table once.
export const COVERED: Readonly<Record<string, Coverage>> = Object.freeze({
  staff: { columns: ['id', 'username', 'display_name', 'role', 'disabled', 'must_change_password', 'password_hash'] },
  sessions: { columns: ['token_hash', 'staff_id', 'expires_at'] },
  bodies: { columns: ['id', 'name', 'rules'] },
  deputies: { columns: ['id', 'body_id', 'name', 'card_no', 'status'], blobs: ['thumbnail'] },
  meetings: { columns: ['id', 'body_id', 'name'] },
  sittings: { columns: ['id', 'meeting_id', 'name', 'starts_at', 'current_agenda_item_id'] },
  participants: { columns: ['id', 'meeting_id', 'role', 'deputy_id', 'name'] },
  leaves: { columns: ['id', 'sitting_id', 'participant_id', 'reason', 'staff_id'] },
  checkins: { columns: ['id', 'sitting_id', 'participant_id', 'method', 'device_id', 'staff_id', 'reason', 'distance', 'margin'] },
  devices: { columns: ['id', 'mode', 'status', 'token_hash', 'sitting_id', 'seat', 'seat_id', 'public_key'] },
  agenda_items: { columns: ['id', 'sitting_id', 'position', 'title', 'kind', 'presenter'] },
  votes: {
    columns: [
      'id', 'agenda_item_id', 'sitting_id', 'kind', 'title', 'secrecy', 'change_policy', 'max_yes', 'allow_write_in', 'pass_rule',
      'rating_verdict', 'state', 'in_office', 'present', 'quorum_override', 'result',
    ],
  },
  options: { columns: ['id', 'vote_id', 'position', 'label', 'description'] },
  vote_electorate: { columns: ['vote_id', 'deputy_id'] },
  // Which tablets' ballot-tracker reports count for a closed secret vote.
  vote_tablets: { columns: ['vote_id', 'device_id'] },
  // Identity: who a face is (descriptor), what a copy of the enrolled photo looks like (copy_patch), what a model
  // change re-describes (aligned).
  face_descriptors: { columns: ['id', 'deputy_id', 'model'], blobs: ['descriptor', 'copy_patch', 'aligned'] },
  // Replay: the frames already seen in a sitting.
  frame_prints: { columns: ['id', 'sitting_id', 'sha256'], blobs: ['luma'] },
  // Replay by embedding: every face of a deputy seen before, at any sitting (services/seen-faces.ts).
  seen_faces: { columns: ['id', 'deputy_id', 'sitting_id', 'device_id', 'model'], blobs: ['descriptor'] },
  // Speaking (发言): the queue's turns and the time per speech.
  speech_requests: { columns: ['id', 'arrival', 'sitting_id', 'agenda_item_id', 'turn', 'deputy_id', 'official', 'answers_id', 'device_id', 'seat', 'state', 'limit_seconds'] },
  speech_limits: { columns: ['sitting_id', 'agenda_item_id', 'seconds'] },
  // Retention, removed devices, archived bodies...: every setting but an import's progress (it decides nothing).
  // Door watch (人脸校对): held check-ins, voided ones (驳回) and the door's alarms (可疑报到).
  checkin_reviews: { columns: ['id', 'sitting_id', 'participant_id', 'state', 'doubted_by', 'doubt_reason', 'decided_by', 'decide_reason'] },
  voided_checkins: {
    columns: ['id', 'checkin_id', 'sitting_id', 'participant_id', 'method', 'device_id', 'staff_id', 'reason', 'checked_in_at', 'doubted_by', 'doubt_reason', 'refused_by', 'refuse_reason'],
  },
  // A seat tablet bound to its deputy for the sitting (services/seat-bindings.ts).
  seat_bindings: { columns: ['id', 'device_id', 'sitting_id', 'deputy_id', 'away'] },
  door_alarms: { columns: ['id', 'device_id', 'sitting_id', 'kind', 'cleared_at', 'cleared_by', 'clear_reason'] },
  // The hall and who sits where per sitting (seat tablets bind to these).
  hall_sections: { columns: ['id', 'body_id', 'name', 'kind', 'position'] },
  hall_seats: { columns: ['id', 'section_id', 'row_no', 'seat_no'] },
  seat_assignments: { columns: ['sitting_id', 'seat_id', 'participant_id'] },
  settings: { columns: ['key', 'value'], where: "$key NOT LIKE 'import-jobs.%'" },
  // 会议文件: who reads what, and each version's file hash (the file on disk is checked against it: document-files.ts).
  documents: { columns: ['id', 'sitting_id', 'agenda_item_id', 'title', 'visibility', 'current_version', 'withdrawn_at', 'withdraw_reason'] },
  document_versions: { columns: ['id', 'document_id', 'version', 'name', 'sha256', 'size', 'pages'] },
});

/** What a table's coverage is, as text: a baseline records it, and a changed one is baselined again. */
export const coverageSignature = (c: Coverage): string => JSON.stringify([c.columns, c.blobs ?? [], c.where ?? '']);

/** A row's covered columns as JSON text, the same expression in the triggers and in verification. */
export function rowJson(table: string, prefix = ''): string {
  const { columns, blobs = [] } = COVERED[table]!;
  const parts = [...columns.map((c) => `'${c}', ${prefix}${c}`), ...blobs.map((c) => `'${c}', hex(${prefix}${c})`)];
  return `json_object(${parts.join(', ')})`;
}

/** The table's `where` for a row (NEW., OLD. or none), or null when it covers every row. */
export const rowFilter = (table: string, prefix = ''): string | null => COVERED[table]!.where?.replaceAll('$', prefix) ?? null;

/** The capture triggers of one table (TEMP: see the file comment). */
export function triggerSql(table: string): Record<string, string> {
  const { columns, blobs = [] } = COVERED[table]!;
  const cols = [...columns, ...blobs].join(', ');
  const into = 'INSERT INTO audit_changes (tbl, before, after) VALUES';
  const [onNew, onOld] = [rowFilter(table, 'NEW.'), rowFilter(table, 'OLD.')];
  const when = (cond: string | null) => (cond ? ` WHEN ${cond}` : '');
  const kept = (cond: string | null, json: string) => (cond ? `CASE WHEN ${cond} THEN ${json} END` : json);
  const [oldRow, newRow] = [rowJson(table, 'OLD.'), rowJson(table, 'NEW.')];
  return {
    [`audit_${table}_insert`]: `CREATE TEMP TRIGGER audit_${table}_insert AFTER INSERT ON ${table}${when(onNew)} BEGIN ${into} ('${table}', NULL, ${newRow}); END`,
    [`audit_${table}_update`]: `CREATE TEMP TRIGGER audit_${table}_update AFTER UPDATE OF ${cols} ON ${table}${when(onNew && `(${onOld}) OR (${onNew})`)} BEGIN ${into} ('${table}', ${kept(onOld, oldRow)}, ${kept(onNew, newRow)}); END`,
    [`audit_${table}_delete`]: `CREATE TEMP TRIGGER audit_${table}_delete AFTER DELETE ON ${table}${when(onOld)} BEGIN ${into} ('${table}', ${oldRow}, NULL); END`,
  };
}

/**
 * Who has voted is fixed when a vote closes: then the voter record (participation and cast requests, by deputy;
 * a secret vote's requests are already deleted by its seal, in the same transaction) is hashed into the log when the
 * close commits; verification recomputes it. While a vote is open the vote checks count it.
 */
const VOTERS_TRIGGER =
  "CREATE TEMP TRIGGER audit_votes_closed AFTER UPDATE OF state ON votes WHEN OLD.state = 'open' AND NEW.state <> 'open' BEGIN INSERT INTO audit_changes (tbl, before, after) VALUES ('vote_voters', NULL, NEW.id); END";

/**
 * The capture, for the writer connection only, before it serves any write. temp_store = MEMORY: the changed rows
 * (password and token hashes among them) never reach a temporary file on disk.
 */
export function captureSql(): string {
  return [
    'PRAGMA temp_store = MEMORY',
    'CREATE TEMP TABLE audit_changes (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, before TEXT, after TEXT)',
    ...Object.keys(COVERED).flatMap((table) => Object.values(triggerSql(table))),
    VOTERS_TRIGGER,
  ].map((sql) => `${sql};\n`).join('');
}
