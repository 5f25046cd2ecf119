// The reader's words, zh-CN first, English as the kiosk's switch gives it. Kept beside the feature (not in
// kiosk/src/i18n.ts) so the reading screens travel as one folder; typed the same way: a missing translation is a
// type error.
import { useI18n } from '../../i18n';

const zh = {
  documents: '会议文件',
  downloaded: '文件已下载 {n} / {m}',
  downloading: '正在下载…',
  notDownloaded: '尚未下载',
  noDocuments: '本次会议暂无文件',
  offlineReading: '网络未连接，可阅读已下载的文件',
  sittingWide: '大会文件',
  currentItem: '当前议程',
  itemN: '议程 {n}',
  pages: '{n} 页',
  backToList: '文件列表',
  backToBallot: '返回表决',
  zoomIn: '放大',
  zoomOut: '缩小',
  fitWidth: '适合宽度',
  contents: '目录',
  noContents: '本文件没有目录',
  find: '查找',
  findPlaceholder: '输入要查找的文字',
  found: '共 {n} 处，第 {i} 处',
  notFound: '未找到“{q}”',
  prevMatch: '上一处',
  nextMatch: '下一处',
  prevPage: '上一页',
  nextPage: '下一页',
  pageBefore: '第',
  pageAfter: '页 / 共 {m} 页',
  goPage: '跳转',
  pageInput: '页码',
  openFailed: '文件无法打开，请联系工作人员',
  voteOpen: '表决已开始：{title}',
  goVote: '去表决',
  viewDocuments: '查看文件',
  closeDocument: '关闭',
} as const;

type WordKey = keyof typeof zh;

const en: Record<WordKey, string> = {
  documents: 'Documents',
  downloaded: 'Downloaded {n} / {m}',
  downloading: 'Downloading…',
  notDownloaded: 'Not downloaded yet',
  noDocuments: 'No documents for this sitting yet',
  offlineReading: 'Offline: downloaded documents can still be read',
  sittingWide: 'Sitting documents',
  currentItem: 'Current item',
  itemN: 'Item {n}',
  pages: '{n} pages',
  backToList: 'Documents',
  backToBallot: 'Back to the vote',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fitWidth: 'Fit width',
  contents: 'Contents',
  noContents: 'This document has no contents list',
  find: 'Find',
  findPlaceholder: 'Text to find',
  found: '{i} of {n}',
  notFound: '“{q}” not found',
  prevMatch: 'Previous',
  nextMatch: 'Next',
  prevPage: 'Previous page',
  nextPage: 'Next page',
  pageBefore: 'Page',
  pageAfter: 'of {m}',
  goPage: 'Go',
  pageInput: 'Page',
  openFailed: 'This document cannot be opened. Please ask a staff member.',
  voteOpen: 'Voting has opened: {title}',
  goVote: 'Go to the vote',
  viewDocuments: 'Documents',
  closeDocument: 'Close',
};

export type DocWords = (key: WordKey, params?: Record<string, string | number>) => string;

export function useDocWords(): DocWords {
  const { lang } = useI18n();
  const dict = lang === 'zh' ? zh : en;
  return (key, params) => {
    let text: string = dict[key];
    if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}
