// What the seat's vote screens need from the documents: whether an item has any, and a way to open them (查看文件
// on the ballot, 会议文件 in the top bar). Provided by SeatShell; absent (null) outside it.
import { createContext, useContext } from 'react';

export interface SeatDocumentsNav {
  /** Opens 会议文件, with that agenda item's documents first (null: the usual order). */
  open(itemId: number | null): void;
  /** How many documents the tablet's sitting has for that item. */
  countFor(itemId: number): number;
}

export const SeatDocumentsContext = createContext<SeatDocumentsNav | null>(null);

export const useSeatDocuments = (): SeatDocumentsNav | null => useContext(SeatDocumentsContext);
