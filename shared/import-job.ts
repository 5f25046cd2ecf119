// A roster import running on the server (POST /api/bodies/:id/roster/import-jobs), as the console polls it.

export interface ImportRowError {
  row: number;
  message: string;
}

export interface ImportPhotoFailure {
  row: number;
  file: string;
  /** no_face, multiple_faces, too_small, low_score, unreadable, unknown_photo, ambiguous_photo, no_photo */
  reason: string;
  message: string;
}

export interface ImportJobView {
  /** Counted from 1, on across server restarts. */
  id: number;
  bodyId: number;
  fileName: string;
  /** 'interrupted': the server restarted while it ran; what it did is kept (error says how far it got). */
  state: 'running' | 'done' | 'failed' | 'interrupted';
  startedAt: string;
  finishedAt: string | null;
  /** So far: photos described of those found, rows imported, and every problem met (row, file, reason). */
  progress: {
    photosDone: number;
    photosTotal: number;
    created: number;
    updated: number;
    rowErrors: ImportRowError[];
    photoFailures: ImportPhotoFailure[];
  };
  /** The whole report once done (the same as the synchronous import's answer). */
  report: { created: number; updated: number; errors: ImportRowError[]; photos: { enrolled: number; photos: number; failed: ImportPhotoFailure[] } } | null;
  /** Why it failed or what happened to it (Chinese / English), when state is 'failed' or 'interrupted'. */
  error: string | null;
}
