// Labels of 投屏 (a page of a document on the big screen, put up by the chair).
import type { Entry } from './entry';

export const projection = {
  projTitle: { zh: '投屏：文件页面上大屏', en: 'Show a document page on the big screen' },
  projDocument: { zh: '文件', en: 'Document' },
  projPage: { zh: '页码', en: 'Page' },
  projView: { zh: '显示范围', en: 'Show' },
  projViewPage: { zh: '整页', en: 'Whole page' },
  projViewTop: { zh: '上半页（字更大）', en: 'Upper half (larger type)' },
  projViewBottom: { zh: '下半页（字更大）', en: 'Lower half (larger type)' },
  projShow: { zh: '投屏', en: 'Show on screen' },
  projStop: { zh: '停止投屏', en: 'Stop showing' },
  projNow: { zh: '大屏正在显示：{title} 第 {page} 页 / 共 {pages} 页', en: 'On screen: {title}, page {page} of {pages}' },
  projNone: { zh: '大屏未投放文件', en: 'No document on the screen' },
  projNoDocs: { zh: '本次会议尚无可投屏的文件', en: 'No document of this sitting to show' },
  projPageOf: { zh: '第 {page} 页 / 共 {pages} 页', en: 'Page {page} of {pages}' },
  projLoading: { zh: '正在载入文件…', en: 'Loading the document…' },
  projFailed: { zh: '文件无法显示', en: 'The document cannot be shown' },
} satisfies Record<string, Entry>;
