// Seat tablets keeping their sitting's documents, as the reader does: on a live 'documents' notice (or at start)
// fetch the manifest (signed), then each listed file not yet held, one after another. Bytes are counted, not kept
// (3,000 × 20 MB); the first tablet's copies are hashed to check the server sends the bytes it names. Runs in a
// worker thread (document-fetcher.ts), so receiving gigabytes does not delay the ballots the main thread times.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { DeviceManifest } from '../../../shared/documents';
import type { DeviceSigner } from '../../../shared/device-proof';
import { signHeaders } from '../../helpers/devices';

/** What the worker needs of a tablet: its token and the key that signs for it. */
export interface FetchingTablet {
  headers: { authorization: string };
  signer: DeviceSigner;
}

export interface Holder {
  kiosk: FetchingTablet;
  held: Set<string>;
  running: boolean;
  again: boolean;
}

export interface DistributionLog {
  files: number;
  bytes: number;
  failures: Record<string, number>;
  hashMismatches: number;
  fileMs: number[];
}

export class DocumentTablets {
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  readonly log: DistributionLog = { files: 0, bytes: 0, failures: {}, hashMismatches: 0, fileMs: [] };
  readonly holders: Holder[];
  private wanted = new Set<string>();
  private onAllHeld: (() => void) | null = null;

  constructor(
    private readonly port: number,
    kiosks: FetchingTablet[],
  ) {
    this.holders = kiosks.map((kiosk) => ({ kiosk, held: new Set(), running: false, again: false }));
  }

  /** Resolves once every tablet holds every hash in `wanted`. */
  allHold(wanted: string[]): Promise<void> {
    this.wanted = new Set(wanted);
    return new Promise((resolve) => {
      this.onAllHeld = resolve;
      this.check();
    });
  }

  private check(): void {
    if (this.onAllHeld && this.holders.every((h) => [...this.wanted].every((w) => h.held.has(w)))) this.onAllHeld();
  }

  /** A notice reached this tablet: sync now, or once more after the sync under way. */
  notice(h: Holder): void {
    if (h.running) return void (h.again = true);
    h.running = true;
    void this.sync(h).finally(() => {
      h.running = false;
      if (h.again) {
        h.again = false;
        this.notice(h);
      }
    });
  }

  private async sync(h: Holder): Promise<void> {
    const manifest = await this.get(h, '/api/device/documents', false);
    if (!manifest) return;
    const m = JSON.parse(manifest.toString()) as DeviceManifest;
    for (const d of m.documents) {
      if (h.held.has(d.sha256)) continue;
      const started = performance.now();
      const body = await this.get(h, `/api/files/${d.sha256}`, h === this.holders[0]);
      if (!body) continue;
      this.log.fileMs.push(performance.now() - started);
      if (body.length > 0 && createHash('sha256').update(body).digest('hex') !== d.sha256) this.log.hashMismatches += 1;
      h.held.add(d.sha256);
      this.check();
    }
  }

  /** A signed GET; the body kept only when `keep` (else counted), null on failure (logged). */
  private async get(h: Holder, path: string, keep: boolean): Promise<Buffer | null> {
    const headers = await signHeaders('GET', path, undefined, h.kiosk.headers, h.kiosk.signer);
    return new Promise((resolve) => {
      const fail = (why: string) => {
        this.log.failures[why] = (this.log.failures[why] ?? 0) + 1;
        resolve(null);
      };
      const req = http.request({ host: '127.0.0.1', port: this.port, path, agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        const isFile = path.startsWith('/api/files/');
        res.on('data', (c: Buffer) => {
          if (isFile) this.log.bytes += c.length;
          if (keep || !isFile) chunks.push(c);
        });
        res.on('end', () => {
          if (res.statusCode !== 200) return fail(`http ${res.statusCode}`);
          if (isFile) this.log.files += 1;
          resolve(Buffer.concat(chunks));
        });
        res.on('error', () => fail('response error'));
      });
      req.on('error', (e) => fail(e.message));
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
