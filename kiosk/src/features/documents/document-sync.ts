// 会前推送 on the tablet: keeps the copies of its sitting's documents in step with the server's manifest. Each
// round: forget everything kept for another device or sitting; read the manifest (unreachable → keep reading what
// is held); delete the copies it no longer lists (withdrawn, replaced, body archived, tablet unpaired); then fetch
// what is missing, one at a time. 3,000 tablets told at once must not all ask at once: a round starts after a
// random wait, and a failed download waits longer each time (with jitter) before it is tried again.
import { dropCopiesExcept, forgetAllDocuments, heldHashes, keepCopy, keepManifest, keptManifest } from './doc-store';
import { downloadDocument, RetryLater } from './download';
import { fetchManifest, type DocManifest } from './manifest';

export interface SyncState {
  manifest: DocManifest | null;
  held: ReadonlySet<string>;
  /** The server could not be reached at the last round: the tablet reads what it holds. */
  offline: boolean;
}

/** Random wait before a round, so a notice to every tablet spreads their requests. */
export const ROUND_JITTER_MS = 4000;
/** Rounds also run this often without a notice (a notice lost with a dropped socket). */
const POLL_MS = 60_000;
const MAX_BACKOFF_MS = 60_000;

const jitter = (ms: number) => Math.random() * ms;

export class DocumentSync {
  private state: SyncState = { manifest: keptManifest()?.manifest ?? null, held: new Set(), offline: false };
  private readonly listeners = new Set<(s: SyncState) => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private again = false;
  private failures = 0;
  private readonly abort = new AbortController();

  constructor(
    private readonly deviceId: number,
    private readonly sittingId: number | null,
  ) {
    void this.round();
  }

  get current(): SyncState {
    return this.state;
  }

  subscribe(listener: (s: SyncState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The server said documents changed (or the socket came back): a round soon, after a random wait. */
  nudge(waitMs = jitter(ROUND_JITTER_MS)): void {
    this.schedule(waitMs);
  }

  /** Fetches one document now (the deputy opened it before the round reached it). */
  async fetchNow(sha256: string): Promise<void> {
    await keepCopy(sha256, await downloadDocument(sha256, this.abort.signal));
    await this.refreshHeld();
  }

  stop(): void {
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }

  private publish(patch: Partial<SyncState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  private async refreshHeld(): Promise<void> {
    this.publish({ held: await heldHashes() });
  }

  private schedule(waitMs: number): void {
    if (this.abort.signal.aborted) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.round(), waitMs);
  }

  private async round(): Promise<void> {
    if (this.running) return void (this.again = true);
    this.running = true;
    try {
      await this.readManifest();
      const missing = await this.downloadMissing();
      this.failures = missing ? this.failures + 1 : 0;
    } catch {
      this.failures += 1;
    } finally {
      this.running = false;
      const backoff = Math.min(MAX_BACKOFF_MS, 2000 * 2 ** Math.min(this.failures, 5));
      const wait = this.again ? jitter(ROUND_JITTER_MS) : this.failures > 0 ? backoff / 2 + jitter(backoff / 2) : POLL_MS + jitter(POLL_MS / 4);
      this.again = false;
      this.schedule(wait);
    }
  }

  private async readManifest(): Promise<void> {
    const kept = keptManifest();
    if (kept && (kept.deviceId !== this.deviceId || kept.sittingId !== this.sittingId)) await forgetAllDocuments();
    const answer = this.sittingId === null ? ({ kind: 'none' } as const) : await fetchManifest();
    if (answer.kind === 'unreachable') return this.publish({ offline: true, held: await heldHashes() });
    const manifest = answer.kind === 'manifest' ? answer.manifest : { sittingId: null, etag: '', documents: [] };
    if (answer.kind === 'none') await forgetAllDocuments();
    else keepManifest({ deviceId: this.deviceId, sittingId: this.sittingId!, manifest });
    await dropCopiesExcept(new Set(manifest.documents.map((d) => d.sha256)));
    this.publish({ manifest, offline: false, held: await heldHashes() });
  }

  /** Downloads what the manifest lists and the tablet lacks; true if some could not be fetched this round. */
  private async downloadMissing(): Promise<boolean> {
    const wanted = [...new Set(this.state.manifest?.documents.map((d) => d.sha256) ?? [])];
    for (const sha256 of wanted) {
      if (this.state.held.has(sha256) || this.abort.signal.aborted) continue;
      try {
        await keepCopy(sha256, await downloadDocument(sha256, this.abort.signal));
        await this.refreshHeld();
      } catch (err) {
        if (err instanceof RetryLater && err.afterMs !== null) await new Promise((r) => setTimeout(r, err.afterMs! + jitter(1000)));
        return true;
      }
    }
    return false;
  }
}
