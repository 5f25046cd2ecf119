// The ballot being marked on a seat tablet, as pure functions over the shared types: which marks a kind offers,
// the 赞成 limit, and the final check with the shared validateBallot before anything is sent.
import { validateBallot, type BallotCheck } from '../../../../shared/rules';
import type { BallotContent, Mark, RatingMark, VoteSpec } from '../../../../shared/types';
import type { VoteView } from '../../../../shared/views';
import type { MessageKey } from '../../i18n';

export type AnyMark = Mark | RatingMark;

export interface Draft {
  marks: Record<string, AnyMark>;
  writeIns: string[];
}

export const emptyDraft = (): Draft => ({ marks: {}, writeIns: [] });

export interface Choice {
  mark: AnyMark;
  label: MessageKey;
  tone: 'yes' | 'no' | 'neutral';
}

export function choicesOf(kind: VoteView['kind']): Choice[] {
  if (kind === 'rating') {
    return [
      { mark: 'satisfied', label: 'satisfied', tone: 'yes' },
      { mark: 'basic', label: 'basic', tone: 'neutral' },
      { mark: 'unsatisfied', label: 'unsatisfied', tone: 'no' },
    ];
  }
  return [
    { mark: 'yes', label: 'yes', tone: 'yes' },
    { mark: 'no', label: kind === 'project' ? 'noProject' : 'no', tone: 'no' },
    { mark: 'abstain', label: 'abstain', tone: 'neutral' },
  ];
}

export function labelOf(kind: VoteView['kind'], mark: AnyMark): MessageKey {
  return choicesOf(kind).find((c) => c.mark === mark)?.label ?? 'abstain';
}

export function specOf(vote: VoteView): VoteSpec {
  const spec: VoteSpec = { kind: vote.kind, options: vote.options, passRule: vote.passRule };
  if (vote.maxYes !== null) spec.maxYes = vote.maxYes;
  if (vote.allowWriteIn) spec.allowWriteIn = true;
  return spec;
}

/** The 赞成 limit shown as "已选 n/max": project N, election seats (write-ins count); none for the others. */
export function yesLimit(vote: VoteView): number | null {
  return vote.kind === 'project' || vote.kind === 'election' ? vote.maxYes : null;
}

export function yesCount(vote: VoteView, draft: Draft): number {
  const yes = Object.values(draft.marks).filter((m) => m === 'yes').length;
  return vote.kind === 'election' ? yes + draft.writeIns.length : yes;
}

/** Whether one more 赞成 (or write-in) fits: the eleventh 赞成 of a "at most 10" project vote does not. */
export function canAddYes(vote: VoteView, draft: Draft): boolean {
  const limit = yesLimit(vote);
  return limit === null || yesCount(vote, draft) < limit;
}

export function setMark(vote: VoteView, draft: Draft, optionId: number, mark: AnyMark): Draft | 'limit' {
  const key = String(optionId);
  if (mark === 'yes' && draft.marks[key] !== 'yes' && !canAddYes(vote, draft)) return 'limit';
  return { ...draft, marks: { ...draft.marks, [key]: mark } };
}

export const unmarked = (vote: VoteView, draft: Draft): number => vote.options.filter((o) => !(String(o.id) in draft.marks)).length;

export function contentOf(draft: Draft): BallotContent {
  const writeIns = draft.writeIns.map((w) => w.trim()).filter(Boolean);
  return writeIns.length > 0 ? { marks: { ...draft.marks }, writeIns } : { marks: { ...draft.marks } };
}

/** The shared rule the server applies: an overvote or a missing mark never leaves the tablet. */
export const checkDraft = (vote: VoteView, draft: Draft): BallotCheck => validateBallot(specOf(vote), contentOf(draft));
