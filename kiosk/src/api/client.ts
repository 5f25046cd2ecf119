// Typed fetch for the kiosk: JSON in and out, the device token on every call, the server's error body
// turned into an ApiError. A 401 anywhere tells the app to check whether this tablet is still paired.
import type { ErrorBody, ErrorCode } from '../../../shared/errors';
import { readToken } from './device-token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'ERR_NETWORK',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** No answer (network down, server restarting) or a gateway/5xx answer: worth sending again as it was. */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

type UnauthorizedListener = () => void;
const listeners = new Set<UnauthorizedListener>();

/** Called whenever the server answers 401, whatever the call. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface ApiReply<T> {
  status: number;
  body: T;
}

export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<ApiReply<T>> {
  const headers: Record<string, string> = {};
  const token = readToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal, cache: 'no-store' });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'ERR_NETWORK', err instanceof Error ? err.message : 'network error');
  }
  const text = await res.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (a proxy's error page): treated as no body
  }
  if (res.ok) return { status: res.status, body: parsed as T };
  const error = (parsed as Partial<ErrorBody> | undefined)?.error;
  if (res.status === 401) for (const l of listeners) l();
  throw new ApiError(res.status, error?.code ?? 'ERR_INTERNAL', error?.message ?? `HTTP ${res.status}`, error?.details);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends one request until the server answers it (any 2xx or a 4xx): a lost answer or a restarting server is
 * retried with the very same body, so a request id inside it (clientId) makes the retry count once.
 */
export async function sendUntilAnswered<T>(
  method: 'POST',
  path: string,
  body: unknown,
  onRetry?: (attempt: number, error: ApiError) => void,
  signal?: AbortSignal,
): Promise<ApiReply<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await api<T>(method, path, body, signal);
    } catch (err) {
      if (!(err instanceof ApiError) || !err.retryable || signal?.aborted) throw err;
      onRetry?.(attempt, err);
      await sleep(Math.min(400 * 2 ** Math.min(attempt - 1, 3), 3000));
    }
  }
}
