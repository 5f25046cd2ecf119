// Labels of 人脸校对 (the door staff's live photo check) and 可疑报到 (a door tablet paused for its pace).
import type { Entry } from './entry';

export const watch = {
  navWatch: { zh: '人脸校对', en: 'Face check' },
  watchTitle: { zh: '人脸校对', en: 'Face check at the door' },
  watchIntro: {
    zh: '每一次报到实时出现：左为现场照片，右为登记照片。看着不像本人，点「存疑」：该代表即按未报到计，不能表决，直到工作人员确认或驳回。',
    en: 'Each check-in appears as it happens: live photo left, enrolled photo right. If it is not the person, tap “Doubt”: the deputy counts as not checked in and cannot vote until a clerk confirms or refuses.',
  },
  watchNone: { zh: '本次会议还没有人报到', en: 'No one has checked in to this sitting yet' },
  watchPresent: { zh: '实到 {n} 人 / 应到 {m} 人', en: '{n} present of {m}' },
  watchLive: { zh: '现场照片', en: 'Live photo' },
  watchEnrolled: { zh: '登记照片', en: 'Enrolled photo' },
  watchNoPhoto: { zh: '无照片', en: 'No photo' },
  watchManual: { zh: '人工补签', en: 'Manual check-in' },
  watchDoubt: { zh: '存疑', en: 'Doubt' },
  watchConfirm: { zh: '确认', en: 'Confirm' },
  watchRefuse: { zh: '驳回', en: 'Refuse' },
  watchHeld: { zh: '存疑中：按未报到计', en: 'Held: counts as not checked in' },
  watchHeldByRule: { zh: '终端报到过快，自动存疑', en: 'Held by the door rule (too fast)' },
  watchConfirmed: { zh: '已确认', en: 'Confirmed' },
  watchConfirmTitle: { zh: '确认「{name}」本人报到', en: 'Confirm {name} checked in in person' },
  watchRefuseTitle: { zh: '驳回「{name}」的报到', en: 'Refuse the check-in of {name}' },
  watchDecideReason: { zh: '理由（例如：已核对代表证）', en: 'Reason (e.g. card checked)' },
  watchRefuseIntro: {
    zh: '驳回后该报到作废（照片和理由留档），该代表按未报到计，不能表决；本人到场后可重新报到（刷脸或人工补签）。',
    en: 'Refused: the check-in is void (photos and reason kept), the deputy counts as not checked in and cannot vote; in person they can check in again (face or manual).',
  },
  alarmTitle: { zh: '可疑报到', en: 'Suspicious check-ins' },
  alarmFloor: {
    zh: '终端「{device}」距上一人仅 {s} 秒又报到一人，快于真人走到门前，已暂停该终端',
    en: 'Tablet “{device}” accepted someone {s} s after the previous person, faster than people walk up: paused',
  },
  alarmCeiling: {
    zh: '终端「{device}」一分钟内报到 {n} 人，快于真人排队，已暂停该终端',
    en: 'Tablet “{device}” accepted {n} people within a minute, faster than a queue of people: paused',
  },
  alarmClear: { zh: '解除报警', en: 'Clear alarm' },
  alarmClearTitle: { zh: '解除可疑报到报警', en: 'Clear the suspicious check-in alarm' },
  alarmClearIntro: { zh: '请先到门口核实该终端前的人员，再解除；解除后该终端恢复报到。', en: 'Walk over and check who is at the tablet first; once cleared the tablet takes check-ins again.' },
  alarmClearReason: { zh: '核实情况', en: 'What you found' },
} satisfies Record<string, Entry>;
