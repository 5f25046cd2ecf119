// The seat tablet's words for speaking (发言), zh-CN first, beside the kiosk's dictionary (i18n.ts) and in its style.
import type { Lang } from '../../i18n';

const zh = {
  ask: '申请发言',
  askOnItem: '就本议程发言',
  askQuestion: '申请提问',
  queued: '排队中 第 {n} 位',
  queuedHint: '主持人请您发言时，本屏会提示',
  withdraw: '撤回申请',
  yourTurn: '请发言',
  timeLeft: '剩余时间',
  overtime: '已超时',
  speakingNow: '正在发言：{name}',
  identifyToAsk: '请看摄像头，确认身份后申请发言',
  cancel: '取消',
  notCheckedIn: '您尚未报到，不能申请发言',
  failed: '申请未成功：{message}',
};

const en: typeof zh = {
  ask: 'Ask to speak',
  askOnItem: 'Speak on this item',
  askQuestion: 'Ask a question',
  queued: 'In the queue: No. {n}',
  queuedHint: 'This screen tells you when the chair gives you the floor',
  withdraw: 'Withdraw',
  yourTurn: 'You have the floor',
  timeLeft: 'Time left',
  overtime: 'Over time',
  speakingNow: 'Speaking now: {name}',
  identifyToAsk: 'Look at the camera to confirm who you are',
  cancel: 'Cancel',
  notCheckedIn: 'You have not checked in, so you cannot ask to speak',
  failed: 'Not sent: {message}',
};

export type SpeakingWord = keyof typeof zh;

export function speakingWords(lang: Lang) {
  const dict = lang === 'en' ? en : zh;
  return (key: SpeakingWord, params?: Record<string, string | number>): string => {
    let text: string = dict[key];
    if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}
