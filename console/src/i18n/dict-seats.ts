// Labels of seat tablets bound to their seats (issue 26 points 3 and 4): the seat picker and 代表未在本座位.
import type { Entry } from './entry';

export const seats = {
  seatPick: { zh: '（选择座位）', en: '(choose a seat)' },
  seatPickEmpty: { zh: '空座', en: 'empty' },
  awayTitle: { zh: '代表未在本座位', en: 'Deputies not at their own seat' },
  awayLine: {
    zh: '{name}代表在 {at}（终端 {device}）确认身份，本人座位：{own}',
    en: '{name} identified at {at} (tablet {device}); their own seat: {own}',
  },
  awayNoSeat: { zh: '未编排', en: 'none' },
} satisfies Record<string, Entry>;
