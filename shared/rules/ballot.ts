// Ballot validity, checked by the server when a ballot is cast (a bad ballot is refused with a 4xx)
// and again by the tallies (a ballot that fails is counted as invalid, never silently repaired).
import type { BallotContent, VoteSpec } from '../types';
import { MARKS_BY_KIND, assertSpec, maxYesOf } from './spec';
import { MAX_WRITE_IN_LENGTH, charLength, nameKey } from './names';

/** Why a ballot is refused. */
export type BallotErrorCode =
  /** Not a ballot at all: marks is not an object, or writeIns is not a list of strings. */
  | 'bad_content'
  /** A mark for an option id that is not on this vote. */
  | 'unknown_option'
  /** An option (motion, project, candidate, subject) left without a mark. */
  | 'missing_mark'
  /** A mark that does not belong to this kind of vote (e.g. 'satisfied' on a resolution). */
  | 'bad_mark'
  /** project: more 赞成 than N; election: 赞成 plus write-ins more than the seats. */
  | 'too_many_yes'
  /** Write-ins on a vote that is not an election allowing them. */
  | 'write_in_not_allowed'
  /** A write-in that is empty after trimming, too long, repeated, or a listed candidate's name. */
  | 'bad_write_in';

/** The verdict on one ballot. Messages are Chinese first, English after, ready to show as they are. */
export type BallotCheck = { ok: true } | { ok: false; code: BallotErrorCode; message: string };

function fail(code: BallotErrorCode, message: string): BallotCheck {
  return { ok: false, code, message };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The write-ins of a ballot as a list, or null when the field is malformed. */
export function writeInsOf(content: BallotContent): string[] | null {
  const w: unknown = content.writeIns;
  if (w === undefined) return [];
  if (!Array.isArray(w) || !w.every((s) => typeof s === 'string')) return null;
  return w as string[];
}

function checkWriteIns(spec: VoteSpec, writeIns: string[]): BallotCheck {
  if (writeIns.length === 0) return { ok: true };
  const listed = new Set(spec.options.map((o) => nameKey(o.label)));
  const seen = new Set<string>();
  for (const raw of writeIns) {
    const key = nameKey(raw);
    const shown = raw.trim();
    if (key === '') return fail('bad_write_in', '另选他人的姓名不能为空 / A write-in name cannot be empty');
    if (charLength(shown) > MAX_WRITE_IN_LENGTH) {
      return fail('bad_write_in', `另选他人的姓名不能超过 ${MAX_WRITE_IN_LENGTH} 个字 / A write-in name cannot be longer than ${MAX_WRITE_IN_LENGTH} characters`);
    }
    if (listed.has(key)) return fail('bad_write_in', `「${shown}」是候选人，请直接选择赞成 / "${shown}" is a listed candidate: mark yes instead`);
    if (seen.has(key)) return fail('bad_write_in', `不能重复另选「${shown}」 / "${shown}" is written in more than once`);
    seen.add(key);
  }
  return { ok: true };
}

/**
 * Checks one ballot against its vote, in this order: content shape, write-ins allowed, unknown
 * options, a valid mark on every option (in the vote's option order), write-in names, then the
 * 赞成 limit. Per kind:
 * - resolution: the one option (the motion) marked yes / no / abstain;
 * - project: every project marked yes / no / abstain (赞成/不赞成/弃权), at most maxYes (N) yes;
 * - election: every listed candidate marked yes / no / abstain; write-ins (另选他人) only when
 *   allowWriteIn; yes + write-ins at most maxYes (the seats);
 * - rating: every subject marked satisfied / basic / unsatisfied.
 * An empty writeIns list is the same as none. Throws a RangeError if the spec itself is invalid.
 */
export function validateBallot(spec: VoteSpec, content: BallotContent): BallotCheck {
  assertSpec(spec);
  return checkBallot(spec, content);
}

/** validateBallot for a spec already known to be valid (the tallies check the spec once, not per ballot). */
export function checkBallot(spec: VoteSpec, content: BallotContent): BallotCheck {
  const notBallot = fail('bad_content', '选票格式无效 / Malformed ballot');
  if (!isRecord(content) || !isRecord(content.marks)) return notBallot;
  const writeIns = writeInsOf(content);
  if (writeIns === null) return notBallot;
  if (writeIns.length > 0 && !(spec.kind === 'election' && spec.allowWriteIn === true)) {
    return fail('write_in_not_allowed', '本次表决不能另选他人 / Write-ins are not allowed in this vote');
  }
  const marks = content.marks;
  const ids = new Set(spec.options.map((o) => String(o.id)));
  for (const key of Object.keys(marks)) {
    if (!ids.has(key)) return fail('unknown_option', `选项 ${key} 不在本次表决中 / Option ${key} is not part of this vote`);
  }
  const allowed: readonly unknown[] = MARKS_BY_KIND[spec.kind];
  let yes = 0;
  for (const o of spec.options) {
    const key = String(o.id);
    if (!Object.hasOwn(marks, key)) return fail('missing_mark', `「${o.label}」尚未选择 / No choice made for "${o.label}"`);
    if (!allowed.includes(marks[key])) return fail('bad_mark', `「${o.label}」的选择无效 / Invalid choice for "${o.label}"`);
    if (marks[key] === 'yes') yes += 1;
  }
  const names = checkWriteIns(spec, writeIns);
  if (!names.ok) return names;
  const limit = maxYesOf(spec);
  if (spec.kind === 'project' && yes > limit) {
    return fail('too_many_yes', `最多只能赞成 ${limit} 项 / At most ${limit} yes marks`);
  }
  if (spec.kind === 'election' && yes + writeIns.length > limit) {
    return fail('too_many_yes', `赞成和另选他人合计最多 ${limit} 名 / At most ${limit} yes marks, write-ins included`);
  }
  return { ok: true };
}
