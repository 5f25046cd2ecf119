// The one fetch wrapper every console request goes through: same-origin credentials (the staff session
// cookie), JSON in and out, and the server's { error: { code, message } } surfaced as an ApiError. A 401
// means the session ended (expired, signed out elsewhere, account disabled): the sign-in screen takes over.
import type { ErrorBody } from '../../../shared/errors';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Fired on window when a request is refused for want of a session. */
export const SIGNED_OUT_EVENT = 'quorum:signed-out';
/** Where a 401 means a wrong password, not a lost session. */
const PASSWORD_CHECKS = new Set(['/api/auth/login', '/api/auth/password']);

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'ERR_NETWORK', '无法连接服务器 / Cannot reach the server');
  }
  const text = await res.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: handled below */
  }
  if (res.status === 401 && !PASSWORD_CHECKS.has(path)) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  if (!res.ok) {
    const err = (data as Partial<ErrorBody> | undefined)?.error;
    throw new ApiError(res.status, err?.code ?? 'ERR_HTTP', err?.message ?? `HTTP ${res.status}`, err?.details);
  }
  return data as T;
}

export const get = <T>(path: string) => request<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
export const del = <T>(path: string) => request<T>('DELETE', path);
