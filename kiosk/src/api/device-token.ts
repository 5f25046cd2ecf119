// The tablet's own secret: 32 random bytes made here, kept in localStorage, sent as a bearer token.
const KEY = 'quorum.deviceToken';
const CREATED_KEY = 'quorum.deviceTokenCreatedAt';

export function readToken(): string | null {
  return localStorage.getItem(KEY);
}

export function tokenAgeMs(): number {
  return Date.now() - Number(localStorage.getItem(CREATED_KEY) ?? Date.now());
}

export function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function newToken(): string {
  const token = randomHex(32);
  localStorage.setItem(KEY, token);
  localStorage.setItem(CREATED_KEY, String(Date.now()));
  return token;
}

export function clearToken(): void {
  localStorage.removeItem(KEY);
  localStorage.removeItem(CREATED_KEY);
}
