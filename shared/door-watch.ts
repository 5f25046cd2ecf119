// 人脸校对 and 可疑报到 as the console sees them (issue 21): the sitting's latest check-ins with the door's evidence
// beside the enrolled photo, the held ones (存疑) until a clerk decides, and the door alarms not yet cleared.

/** 存疑 (held: not present, may not vote), 确认 (counts again). 驳回 makes the check-in void: it leaves the list. */
export type ReviewState = 'doubted' | 'confirmed';

export interface CheckinReviewView {
  state: ReviewState;
  /** Null when the door rule held it (可疑报到), not a person. */
  doubtedBy: number | null;
  doubtReason: string | null;
  decidedBy: number | null;
  decideReason: string | null;
}

/** One check-in on the 人脸校对 screen. Photos by URL: the evidence frame and the deputy's enrolled thumbnail. */
export interface DoorCheckinView {
  participantId: number;
  deputyId: number | null;
  name: string;
  delegation: string | null;
  method: 'face' | 'manual';
  at: string;
  deviceId: number | null;
  deviceName: string | null;
  hasEvidence: boolean;
  review: CheckinReviewView | null;
}

/** 可疑报到: a door tablet paused because it accepted faster than people walk up. */
export interface DoorAlarmView {
  id: number;
  sittingId: number;
  deviceId: number;
  deviceName: string;
  kind: 'floor' | 'ceiling';
  /** floor: ms since the tablet's previous acceptance; ceiling: acceptances in the last minute. */
  gapMs: number | null;
  count: number | null;
  raisedAt: string;
}

/** What a console's live state carries per sitting for the 人脸校对 screen (never sent to a tablet). */
export interface DoorWatchLive {
  checkins: DoorCheckinView[];
  alarms: DoorAlarmView[];
}
