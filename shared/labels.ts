// The zh/en words for vote kinds, vote states and marks that the console, the big screen, the roll call and the
// server's .xlsx exports all print: one home, so a sheet never names a choice differently from the screen.
import type { Mark, RatingMark, VoteKind, VoteState } from './types';

export interface Bilingual {
  zh: string;
  en: string;
}

export const KIND_LABELS: Readonly<Record<VoteKind, Bilingual>> = {
  resolution: { zh: '议案表决', en: 'Resolution' },
  project: { zh: '民生实事项目票决', en: 'Project vote' },
  election: { zh: '选举', en: 'Election' },
  rating: { zh: '满意度测评', en: 'Rating' },
};

export const STATE_LABELS: Readonly<Record<VoteState, Bilingual>> = {
  draft: { zh: '未开始', en: 'Draft' },
  open: { zh: '表决中', en: 'Open' },
  closed: { zh: '已结束', en: 'Closed' },
  announced: { zh: '已宣布', en: 'Announced' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const MARK_LABELS: Readonly<Record<Mark | RatingMark, Bilingual>> = {
  yes: { zh: '赞成', en: 'Yes' },
  no: { zh: '反对', en: 'No' },
  abstain: { zh: '弃权', en: 'Abstain' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  basic: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};

/** A mark in words as its vote kind calls it, the one label everywhere (console, sheets, 履职档案, .xlsx): a project
 *  vote's 'no' is 不赞成, as on its ballot. */
export function markLabel(kind: VoteKind, mark: Mark | RatingMark): Bilingual {
  return kind === 'project' && mark === 'no' ? { zh: '不赞成', en: 'No' } : MARK_LABELS[mark];
}
