// Typed fetch for the kiosk: JSON in and out, the device token and a proof signed by the tablet's key on every
// call (shared/device-proof), the server's error body turned into an ApiError. A 401 anywhere tells the app to
// check whether this tablet is still paired, except a refusal for a wrong clock: the tablet learns the server's
// time from it and signs again once.
import type { ErrorBody, ErrorCode } from '../../../shared/errors';
import { PROOF_HEADER, requestProofText, sha256Hex } from '../../../shared/device-proof';
import { credentials, setClockOffset } from './device-token';

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

async function signedHeaders(method: string, path: string, text: string | undefined): Promise<Record<string, string>> {
  const { signer } = await credentials();
  const bodySha = await sha256Hex(text ?? '');
  const headers: Record<string, string> = {
    authorization: `Bearer ${signer.token}`,
    [PROOF_HEADER]: await signer.prove((p) => requestProofText(method, path, p, bodySha)),
  };
  if (text !== undefined) headers['content-type'] = 'application/json';
  return headers;
}

async function send(method: 'GET' | 'POST', path: string, text: string | undefined, signal?: AbortSignal): Promise<Response> {
  try {
    return await fetch(path, { method, headers: await signedHeaders(method, path, text), body: text, signal, cache: 'no-store' });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'ERR_NETWORK', err instanceof Error ? err.message : 'network error');
  }
}

/**
 * A signed GET whose answer is not JSON (a document's bytes): the raw Response, so the caller can stream it and
 * ask for a Range. A 401 tells the app, as api() does.
 */
export async function signedGet(path: string, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  try {
    const res = await fetch(path, { headers: { ...(await signedHeaders('GET', path, undefined)), ...headers }, signal, cache: 'no-store' });
    if (res.status === 401) for (const l of listeners) l();
    return res;
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'ERR_NETWORK', err instanceof Error ? err.message : 'network error');
  }
}

const serverTimeOf = (details: unknown): number | null => {
  const t = (details as { serverTime?: unknown } | undefined)?.serverTime;
  return typeof t === 'number' ? t : null;
};

export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal, clockFixed = false): Promise<ApiReply<T>> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const res = await send(method, path, text, signal);
  const raw = await res.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = raw ? JSON.parse(raw) : undefined;
  } catch {
    // not JSON (a proxy's error page): treated as no body
  }
  if (res.ok) return { status: res.status, body: parsed as T };
  const error = (parsed as Partial<ErrorBody> | undefined)?.error;
  const serverTime = res.status === 401 ? serverTimeOf(error?.details) : null;
  if (serverTime !== null && !clockFixed) {
    setClockOffset(serverTime);
    return api<T>(method, path, body, signal, true);
  }
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
