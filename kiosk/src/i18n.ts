// The kiosk's words: zh-CN first, English as a switch. One typed dictionary, so a missing translation is a
// type error rather than a blank button in front of a deputy.
import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';

const zh = {
  appName: '会议报到与表决',
  langSwitch: 'English',
  loading: '正在准备…',
  preparingCamera: '正在启动摄像头…',
  cameraFailed: '摄像头无法使用，请联系工作人员',
  modelUnsupported: '人脸模型不受支持，请联系工作人员',
  offline: '网络连接中断，正在重新连接…',
  retrying: '正在重试提交…',
  pairTitle: '终端配对',
  pairHint: '请工作人员在管理台输入以下配对码',
  pairWaiting: '等待确认…',
  pairQr: '扫码打开控制台配对页面',
  pairRevoked: '本终端已停用，请重新配对',
  // door
  doorTitle: '人脸报到',
  doorReady: '请站到摄像头前',
  guideNoFace: '请站到摄像头前',
  guideCloser: '请靠近一点',
  guideFarther: '请稍微后退',
  guideFront: '请正对摄像头',
  guideOne: '请一人一次',
  guideHold: '请保持不动',
  guideTurnLeft: '请向左转头',
  guideTurnRight: '请向右转头',
  guideTurnBack: '请转回正面',
  guideTurnAgain: '请再试一次',
  checking: '正在识别…',
  checkedIn: '报到成功',
  deputySuffix: '代表',
  alreadyAt: '您已于 {time} 报到',
  notRecognised: '未识别，请联系工作人员',
  notOnRoster: '您不在本次会议名单中，请联系工作人员',
  livenessFailed: '未通过活体检测，请再试一次',
  gaveUp: '未能识别，请联系工作人员人工补签',
  noSitting: '本终端尚未指定会议，请联系工作人员',
  present: '实到 {present} / 应到 {expected}',
  // seat
  seatTitle: '座位表决',
  seatLabel: '座位 {seat}',
  noVote: '暂无表决',
  noVoteHint: '表决开始后会自动显示',
  identifyTitle: '请看摄像头确认身份',
  identified: '{name}代表，请表决',
  notCheckedIn: '您尚未报到，不能表决',
  kindResolution: '表决',
  kindProject: '项目票决',
  kindElection: '选举',
  kindRating: '满意度测评',
  secret: '无记名',
  open: '记名',
  yes: '赞成',
  no: '反对',
  noProject: '不赞成',
  abstain: '弃权',
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
  selected: '已选 {n}/{max}',
  maxReached: '最多赞成 {max} 项',
  writeIn: '另选他人',
  writeInPlaceholder: '填写姓名',
  add: '添加',
  remove: '删除',
  remaining: '还有 {n} 项未选',
  next: '下一步',
  confirmTitle: '请确认您的选择',
  confirm: '确认提交',
  back: '返回修改',
  sending: '正在提交…',
  voted: '投票成功',
  votedChanged: '已更改',
  changeVote: '修改选择',
  done: '完成',
  closed: '表决已结束',
  trackerCounted: '计票核验：本终端所投选票已按所投计入',
  trackerMismatch: '计票核验：选票与所投不一致，请立即告知工作人员',
  alreadyVoted: '您已投票，本表决不可更改',
  reidentify: '身份确认已过期，请重新看摄像头',
  failed: '提交失败：{message}',
  screenTitle: '大屏显示',
  screenHint: '请在大屏浏览器中打开会议大屏页面',
  screenOpen: '打开大屏',
  unpaired: '未指定会议',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  appName: 'Check-in and voting',
  langSwitch: '中文',
  loading: 'Getting ready…',
  preparingCamera: 'Starting the camera…',
  cameraFailed: 'The camera is not available. Please ask a staff member.',
  modelUnsupported: 'Unsupported face model. Please ask a staff member.',
  offline: 'Connection lost. Reconnecting…',
  retrying: 'Retrying…',
  pairTitle: 'Pair this tablet',
  pairHint: 'A staff member enters this code on the console',
  pairWaiting: 'Waiting for confirmation…',
  pairQr: 'Scan to open the console’s pairing page',
  pairRevoked: 'This tablet was disconnected. Pair it again.',
  doorTitle: 'Face check-in',
  doorReady: 'Please stand in front of the camera',
  guideNoFace: 'Please stand in front of the camera',
  guideCloser: 'Please come a little closer',
  guideFarther: 'Please step back a little',
  guideFront: 'Please face the camera',
  guideOne: 'One person at a time, please',
  guideHold: 'Please hold still',
  guideTurnLeft: 'Please turn your head to the left',
  guideTurnRight: 'Please turn your head to the right',
  guideTurnBack: 'Now face the camera again',
  guideTurnAgain: 'Please try again',
  checking: 'Checking…',
  checkedIn: 'Checked in',
  deputySuffix: '',
  alreadyAt: 'You checked in at {time}',
  notRecognised: 'Not recognised. Please ask a staff member.',
  notOnRoster: 'You are not on this meeting’s list. Please ask a staff member.',
  livenessFailed: 'Liveness check failed. Please try again.',
  gaveUp: 'Not recognised. Please ask a staff member to check you in by hand.',
  noSitting: 'No sitting assigned to this tablet. Please ask a staff member.',
  present: 'Present {present} / {expected}',
  seatTitle: 'Seat voting',
  seatLabel: 'Seat {seat}',
  noVote: 'No vote open',
  noVoteHint: 'A vote will appear here when it opens',
  identifyTitle: 'Look at the camera to confirm who you are',
  identified: '{name}, please vote',
  notCheckedIn: 'You have not checked in, so you cannot vote',
  kindResolution: 'Vote',
  kindProject: 'Project vote',
  kindElection: 'Election',
  kindRating: 'Satisfaction rating',
  secret: 'Secret ballot',
  open: 'Open ballot',
  yes: 'Yes',
  no: 'No',
  noProject: 'No',
  abstain: 'Abstain',
  satisfied: 'Satisfied',
  basic: 'Mostly satisfied',
  unsatisfied: 'Not satisfied',
  selected: 'Chosen {n}/{max}',
  maxReached: 'At most {max} yes',
  writeIn: 'Write in another name',
  writeInPlaceholder: 'Name',
  add: 'Add',
  remove: 'Remove',
  remaining: '{n} left to choose',
  next: 'Next',
  confirmTitle: 'Please confirm your choices',
  confirm: 'Confirm and send',
  back: 'Go back',
  sending: 'Sending…',
  voted: 'Vote recorded',
  votedChanged: 'Changed',
  changeVote: 'Change my vote',
  done: 'Done',
  closed: 'Voting has closed',
  trackerCounted: 'Ballot check: the ballots cast here are counted as cast',
  trackerMismatch: 'Ballot check: a ballot is not as cast. Tell the staff at once',
  alreadyVoted: 'You have voted; this vote cannot be changed',
  reidentify: 'Confirmation expired. Please look at the camera again.',
  failed: 'Could not send: {message}',
  screenTitle: 'Big screen',
  screenHint: 'Open the meeting’s big-screen page in this browser',
  screenOpen: 'Open the big screen',
  unpaired: 'No sitting assigned',
};

const DICTS: Record<Lang, Record<MessageKey, string>> = { zh, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => {
    let text = DICTS[lang][key];
    if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}

export interface I18n {
  lang: Lang;
  t: Translate;
  setLang(lang: Lang): void;
}

export const I18nContext = createContext<I18n>({ lang: 'zh', t: translator('zh'), setLang: () => undefined });

export const useI18n = (): I18n => useContext(I18nContext);

/** BCP 47 tag for speech and <html lang>. */
export const langTag = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en-US');
