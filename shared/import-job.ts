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
  /** Counted from 1 in each server process. */
  id: number;
  bodyId: number;
  fileName: string;
  state: 'running' | 'done' | 'failed';
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
  /** Why it failed (Chinese / English), when state is 'failed'. */
  error: string | null;
}
