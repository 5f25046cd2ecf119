// Error codes the API answers with, each with its HTTP status. Body: { error: { code, message } }.
// Messages are zh-CN first, English after, because clerks and kiosks show them as they are.

export const ERRORS = {
  ERR_VALIDATION: 400,
  ERR_BAD_BALLOT: 400,
  ERR_BAD_DESCRIPTOR: 400,
  ERR_UNAUTHORIZED: 401,
  ERR_FORBIDDEN: 403,
  ERR_NOT_FOUND: 404,
  ERR_CONFLICT: 409,
  ERR_VOTE_NOT_OPEN: 409,
  ERR_VOTE_STATE: 409,
  ERR_NOT_CHECKED_IN: 409,
  ERR_NOT_ELIGIBLE: 403,
  ERR_ALREADY_VOTED: 409,
  ERR_QUORUM_NOT_MET: 409,
  ERR_PAYLOAD_TOO_LARGE: 413,
  ERR_UNSUPPORTED_MEDIA: 415,
  ERR_DOOR_PAUSED: 423,
  ERR_RATE_LIMITED: 429,
  ERR_INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** The error body every failed request gets. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Thrown by services; the error handler turns it into { error: { code, message } } with its status. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = ERRORS[code];
  }
}
