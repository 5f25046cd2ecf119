// 投屏: a page of a sitting's document the chair puts on the hall's big screen. One per sitting, kept by the server
// (it survives a restart and a big screen that reloads), pushed live to the consoles and big screens.
/** How much of the page the screen shows: the whole page, or its upper or lower half (A4 text large enough to read). */
export const PROJECTION_VIEWS = ['page', 'top', 'bottom'] as const;
export type ProjectionView = (typeof PROJECTION_VIEWS)[number];

export interface Projection {
  sittingId: number;
  documentId: number;
  /** Shown above the page on the screen. */
  title: string;
  /** The document version's content hash: the screen fetches /api/files/<sha256>. */
  sha256: string;
  page: number;
  pages: number;
  view: ProjectionView;
  /** When the chair put it up (ISO): a vote opened after it takes the screen back. */
  setAt: string;
}

/** The live message (not versioned: a screen that missed one reads GET /api/sittings/:id/projection again). */
export interface ProjectionMessage {
  type: 'projection';
  sittingId: number;
  projection: Projection | null;
}
