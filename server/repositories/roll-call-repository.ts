// 记名表决明细: every deputy of a 记名 vote's electorate with the ballot they cast, whether they were checked in when
// it closed, and whether they were on leave. The secrecy condition is in the query: a 无记名 vote yields no content
// (its ballot rows hold no deputy anyway).
import type { BallotContent } from '../../shared/types';
import { BODY_ORDER, type Reader } from './rows';

export interface RollCallRow {
  deputyId: number;
  name: string;
  delegation: string | null;
  cardNo: string;
  content: BallotContent | null;
  present: boolean;
  onLeave: boolean;
}

export async function rollCallRows(db: Reader, voteId: number): Promise<RollCallRow[]> {
  const rows = await db.all<{ id: number; name: string; delegation: string | null; card_no: string; content: string | null; present: number; on_leave: number }>(
    `SELECT d.id, d.name, d.delegation, d.card_no, b.content,
            c.id IS NOT NULL AS present, l.id IS NOT NULL AS on_leave
     FROM vote_electorate e
     JOIN votes v ON v.id = e.vote_id
     JOIN sittings s ON s.id = v.sitting_id
     JOIN deputies d ON d.id = e.deputy_id
     LEFT JOIN participants p ON p.meeting_id = s.meeting_id AND p.deputy_id = d.id
     LEFT JOIN checkins c ON c.sitting_id = v.sitting_id AND c.participant_id = p.id AND c.created_at <= COALESCE(v.closed_at, c.created_at)
     LEFT JOIN leaves l ON l.sitting_id = v.sitting_id AND l.participant_id = p.id
     LEFT JOIN ballots b ON b.vote_id = v.id AND b.deputy_id = d.id AND v.secrecy = 'open'
     WHERE e.vote_id = ?
     ORDER BY ${BODY_ORDER}`,
    [voteId],
  );
  return rows.map((r) => ({
    deputyId: r.id,
    name: r.name,
    delegation: r.delegation,
    cardNo: r.card_no,
    content: r.content ? (JSON.parse(r.content) as BallotContent) : null,
    present: r.present === 1,
    onLeave: r.on_leave === 1,
  }));
}
