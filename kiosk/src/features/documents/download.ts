// One document's bytes from the server (GET /api/files/:sha256, signed), checked against its hash before it is
// kept. A download cut half-way keeps what came and asks for the rest with a Range; a busy server (429/503) is
// asked again after its Retry-After. The bytes are never trusted for their URL alone: a wrong hash is thrown away.
import { signedGet, ApiError } from '../../api/client';
import { sha256Hex } from '../../../../shared/device-proof';

/** What came of a cut download, kept for the next try (memory only: a reload starts over). */
const partial = new Map<string, Uint8Array[]>();

export class RetryLater extends Error {
  constructor(readonly afterMs: number | null) {
    super('retry later');
  }
}

const received = (chunks: Uint8Array[]) => chunks.reduce((n, c) => n + c.byteLength, 0);

function joined(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(received(chunks));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function readInto(res: Response, chunks: Uint8Array[], signal?: AbortSignal): Promise<void> {
  const reader = res.body!.getReader();
  for (;;) {
    if (signal?.aborted) throw signal.reason;
    const { done, value } = await reader.read();
    if (done) return;
    chunks.push(value);
  }
}

/** Fetches the document with that hash; resolves with its bytes once they hash to it. */
export async function downloadDocument(sha256: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  const chunks = partial.get(sha256) ?? [];
  partial.set(sha256, chunks);
  const from = received(chunks);
  const res = await signedGet(`/api/files/${sha256}`, from > 0 ? { range: `bytes=${from}-` } : {}, signal);
  if (res.status === 429 || res.status === 503) {
    const after = Number(res.headers.get('retry-after'));
    throw new RetryLater(Number.isFinite(after) && after > 0 ? after * 1000 : null);
  }
  if (res.status === 416 || (res.status === 200 && from > 0)) chunks.length = 0; // the server sent it whole
  else if (!res.ok) throw new ApiError(res.status, 'ERR_INTERNAL', `HTTP ${res.status}`);
  if (res.status === 416) throw new RetryLater(0);
  try {
    await readInto(res, chunks, signal);
  } catch (err) {
    throw err instanceof DOMException && err.name === 'AbortError' ? err : new RetryLater(null);
  }
  partial.delete(sha256);
  const bytes = joined(chunks);
  if ((await sha256Hex(bytes)) !== sha256) throw new RetryLater(null);
  return bytes.buffer as ArrayBuffer;
}
