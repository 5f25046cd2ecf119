// What one live socket may cost the server: how often it may ask (token buckets) and how much may wait unread
// for it (back-pressure). A review sent 20,000 resyncs on one socket (0.9 → 1.1 GB) and could leave a reader
// that never reads collecting every push in memory.

/** A token bucket: `burst` at once, then `perSecond`. */
export class Bucket {
  private tokens: number;
  private last = Date.now();
  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {
    this.tokens = burst;
  }

  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Any message: far above a tablet's casts and pings or a console's hello, far below a flood. */
export const messageBucket = () => new Bucket(40, 20);
/** hello and resync each cost a whole meeting snapshot; a client that sees a gap needs one now and then. */
export const snapshotBucket = () => new Bucket(5, 0.5);
/** Refused messages in a row after which the socket is closed rather than answered. */
export const MAX_REFUSED = 50;

/**
 * Bytes that may wait unsent for one socket. A push is a few KB; a meeting snapshot of 3,000 deputies well under
 * a megabyte. Past this the reader is not reading: the socket is dropped (it reconnects and gets a snapshot)
 * instead of holding every later push in memory.
 */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
