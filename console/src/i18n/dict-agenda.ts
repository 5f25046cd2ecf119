// Labels of the agenda (议程) page and the big screen's current item; the kinds' words are shared/agenda.ts.
import type { Entry } from './entry';

export const agenda = {
  navAgenda: { zh: '议程', en: 'Agenda' },
  agendaTitle: { zh: '议程', en: 'Agenda' },
  agendaIntro: {
    zh: '会前由工作人员编排，会中可随时调整。主持人点「设为当前议程」后，各座位终端和大屏即显示该议程。',
    en: 'Clerks prepare it before the sitting and may change it during it. When the chair sets the current item, every seat tablet and the big screen show it.',
  },
  agendaEmpty: { zh: '本次全体会议尚无议程', en: 'No agenda items in this sitting yet' },
  agendaItemTitle: { zh: '议程名称', en: 'Title' },
  agendaKind: { zh: '类型', en: 'Kind' },
  agendaPresenter: { zh: '汇报人', en: 'Presenter' },
  agendaPresenterHint: { zh: '可不填，如：镇人民政府镇长 李某某', en: 'Optional, e.g. the mayor' },
  agendaAdd: { zh: '添加议程', en: 'Add item' },
  agendaEdit: { zh: '编辑', en: 'Edit' },
  agendaSave: { zh: '保存', en: 'Save' },
  agendaDelete: { zh: '删除', en: 'Delete' },
  agendaDeleteAsk: { zh: '确定删除议程「{title}」？', en: 'Delete “{title}”?' },
  agendaDeleteYes: { zh: '确定删除', en: 'Delete' },
  agendaUp: { zh: '上移', en: 'Up' },
  agendaDown: { zh: '下移', en: 'Down' },
  agendaSetCurrent: { zh: '设为当前议程', en: 'Set as current' },
  agendaCurrent: { zh: '当前议程', en: 'Current item' },
  agendaClearCurrent: { zh: '取消当前议程', en: 'Clear current item' },
  agendaVotes: { zh: '{n} 项表决', en: '{n} vote(s)' },
  agendaHeld: { zh: '有表决的议程不能删除', en: 'An item with votes cannot be deleted' },
  agendaItemNo: { zh: '第{n}项', en: 'Item {n}' },
  presenterLine: { zh: '汇报人：{name}', en: 'Presented by {name}' },
} satisfies Record<string, Entry>;
