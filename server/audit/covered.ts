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
// its own. Columns left out change often and decide nothing (last_seen_at, evidence photos, thumbnails, created_at).

export const COVERED: Readonly<Record<string, readonly string[]>> = Object.freeze({
  staff: ['id', 'username', 'display_name', 'role', 'disabled', 'must_change_password', 'password_hash'],
  sessions: ['token_hash', 'staff_id', 'expires_at'],
  bodies: ['id', 'name', 'rules'],
  deputies: ['id', 'body_id', 'name', 'card_no', 'status'],
  meetings: ['id', 'body_id', 'name'],
  sittings: ['id', 'meeting_id', 'name'],
  participants: ['id', 'meeting_id', 'role', 'deputy_id', 'name'],
  leaves: ['id', 'sitting_id', 'participant_id', 'reason', 'staff_id'],
  checkins: ['id', 'sitting_id', 'participant_id', 'method', 'device_id', 'staff_id', 'reason', 'distance', 'margin'],
  devices: ['id', 'mode', 'status', 'token_hash', 'sitting_id', 'seat'],
  agenda_items: ['id', 'sitting_id', 'title'],
  votes: [
    'id', 'agenda_item_id', 'sitting_id', 'kind', 'title', 'secrecy', 'change_policy', 'max_yes', 'allow_write_in', 'pass_rule',
    'rating_verdict', 'state', 'in_office', 'present', 'quorum_override', 'result',
  ],
  options: ['id', 'vote_id', 'position', 'label', 'description'],
  vote_electorate: ['vote_id', 'deputy_id'],
  checkin_reviews: ['id', 'sitting_id', 'participant_id', 'state', 'doubted_by', 'doubt_reason', 'decided_by', 'decide_reason'],
  voided_checkins: ['id', 'checkin_id', 'sitting_id', 'participant_id', 'method', 'device_id', 'staff_id', 'reason', 'checked_in_at', 'doubted_by', 'doubt_reason', 'refused_by', 'refuse_reason'],
  door_alarms: ['id', 'device_id', 'sitting_id', 'kind', 'cleared_at', 'cleared_by', 'clear_reason'],
});

/** A row's covered columns as JSON text, the same expression in the triggers and in verification. */
export const rowJson = (table: string, prefix = ''): string =>
  `json_object(${COVERED[table]!.map((c) => `'${c}', ${prefix}${c}`).join(', ')})`;

/** The capture triggers of one table (TEMP: see the file comment). */
export function triggerSql(table: string): Record<string, string> {
  const cols = COVERED[table]!.join(', ');
  const into = 'INSERT INTO audit_changes (tbl, before, after) VALUES';
  return {
    [`audit_${table}_insert`]: `CREATE TEMP TRIGGER audit_${table}_insert AFTER INSERT ON ${table} BEGIN ${into} ('${table}', NULL, ${rowJson(table, 'NEW.')}); END`,
    [`audit_${table}_update`]: `CREATE TEMP TRIGGER audit_${table}_update AFTER UPDATE OF ${cols} ON ${table} BEGIN ${into} ('${table}', ${rowJson(table, 'OLD.')}, ${rowJson(table, 'NEW.')}); END`,
    [`audit_${table}_delete`]: `CREATE TEMP TRIGGER audit_${table}_delete AFTER DELETE ON ${table} BEGIN ${into} ('${table}', ${rowJson(table, 'OLD.')}, NULL); END`,
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
