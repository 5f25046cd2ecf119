// What each staff role may do: one table the server's routes guard with and the console reads to show each role
// only the buttons it may use (a clerk saw 宣布结果 and 新建, pressed them and was refused). The server still
// refuses: the console hiding a button decides nothing.
import type { StaffRole } from './views';

export const STAFF_RIGHTS: Readonly<Record<'administer' | 'runVotes' | 'keepRecords' | 'editAgenda' | 'moveAgenda' | 'chairSpeakers' | 'nameAnswerers', StaffRole[]>> = {
  /** Create a body (届), change its rules, archive it; erase biometrics, retention, staff accounts. */
  administer: ['admin'],
  /** Create votes and take them through open, close, announce and cancel. */
  runVotes: ['admin', 'chair'],
  /** Roster, photos, meetings, sittings and their participants, tablets, leave and manual check-in. */
  keepRecords: ['admin', 'clerk'],
  /** Make, edit, reorder and delete agenda items (议程): the clerks prepare it, the chair changes it during the sitting. */
  editAgenda: ['admin', 'clerk', 'chair'],
  /** Set the current item (当前议程): the chair moves the sitting from item to item. */
  moveAgenda: ['admin', 'chair'],
  /** The speakers' queue (发言): give the floor, skip, end a speech, the time per speech. */
  chairSpeakers: ['admin', 'chair'],
  /** In an inquiry (询问), name the official who answers a question (答): the clerk's work, or the chair's. */
  nameAnswerers: ['admin', 'clerk', 'chair'],
};

export type StaffRight = keyof typeof STAFF_RIGHTS;

export function may(role: StaffRole, right: StaffRight): boolean {
  return STAFF_RIGHTS[right].includes(role);
}
