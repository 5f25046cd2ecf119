// The files of 会议文件 on disk, by content: <data folder>/documents/ab/<sha256>.pdf, 0600 in 0700 folders.
// An upload streams into documents/incoming/ (same file system, so the final move is one atomic rename), hashed as
// it arrives; it reaches its hash's name only after the PDF check passed, and is deleted on any refusal. A crash
// mid-upload leaves only a file in incoming/, swept at the next start; a file under its hash's name is always
// whole (written, synced, then renamed). Two documents of the same bytes share one file.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DIR_MODE, FILE_MODE } from '../data-dir';

/** An upload spooled to disk: where it is, its hash and size, and its first bytes (for the type check). */
export interface Spooled {
  path: string;
  sha256: string;
  size: number;
  head: Buffer;
}

const HEAD_BYTES = 1024;

export class DocumentStore {
  readonly root: string;
  private readonly incoming: string;

  /** The store beside a database file (its data folder). */
  static besideDatabase(dbPath: string): DocumentStore {
    return new DocumentStore(join(dirname(dbPath), 'documents'));
  }

  constructor(root: string) {
    this.root = root;
    this.incoming = join(root, 'incoming');
    mkdirSync(this.incoming, { recursive: true, mode: DIR_MODE });
    // Whatever an interrupted upload left: never a document, only bytes on their way.
    for (const name of readdirSync(this.incoming)) rmSync(join(this.incoming, name), { force: true });
  }

  /** Path of a stored file, relative to the root (what @fastify/send is given) and absolute. */
  static relativePath = (sha256: string): string => `${sha256.slice(0, 2)}/${sha256}.pdf`;
  relativePath = DocumentStore.relativePath;
  pathOf = (sha256: string): string => join(this.root, DocumentStore.relativePath(sha256));

  /** Writes `chunks` to a new file in incoming/, hashing them; `limit` is checked by the caller's generator. */
  async spool(chunks: AsyncIterable<Buffer>): Promise<Spooled> {
    const path = join(this.incoming, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    const fh = await open(path, 'wx', FILE_MODE);
    const hash = createHash('sha256');
    const heads: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of chunks) {
        hash.update(chunk);
        if (size < HEAD_BYTES) heads.push(chunk.subarray(0, HEAD_BYTES - size));
        size += chunk.length;
        await fh.write(chunk);
      }
      await fh.sync();
    } catch (error) {
      await fh.close();
      await unlink(path).catch(() => undefined);
      throw error;
    }
    await fh.close();
    return { path, sha256: hash.digest('hex'), size, head: Buffer.concat(heads) };
  }

  /** Moves a checked upload to its hash's name (a file already there is the same bytes: the upload is dropped). */
  async keep(spooled: Spooled): Promise<void> {
    const target = this.pathOf(spooled.sha256);
    if (await this.holds(spooled.sha256)) return this.discard(spooled);
    mkdirSync(dirname(target), { recursive: true, mode: DIR_MODE });
    await rename(spooled.path, target);
  }

  async discard(spooled: Spooled): Promise<void> {
    await unlink(spooled.path).catch(() => undefined);
  }

  async holds(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then((s) => s.isFile(), () => false);
  }

  /** The SHA-256 of the file stored under `sha256`'s name now, or null if there is none (audit verification). */
  static async hashOfFile(path: string): Promise<string | null> {
    const hash = createHash('sha256');
    try {
      for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    } catch {
      return null;
    }
    return hash.digest('hex');
  }
}
