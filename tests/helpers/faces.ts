// The real face photos of ../shared/faces/ for tests, and descriptors computed the way a kiosk would.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeZip } from './zip-writer';
import type { FaceEngine } from '../../server/face/engine';

export const FACES = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'faces');

export const photo = (relative: string): Buffer => readFileSync(resolve(FACES, relative));

/** A .zip of photos, as a clerk would upload, entries named as given. */
export function zipOf(entries: Record<string, Buffer>): Buffer {
  return writeZip(Object.entries(entries).map(([name, data]) => ({ name, data, deflate: true })));
}

/** The descriptor of the single face in a photo, as number[] the way the kiosk sends it. */
export async function descriptorOf(engine: FaceEngine, relative: string): Promise<number[]> {
  const faces = await engine.detect(photo(relative));
  if (faces.length !== 1) throw new Error(`${relative}: expected one face, found ${faces.length}`);
  return Array.from(faces[0]!.descriptor);
}

/** A multipart/form-data body with files, for app.inject. */
export function multipart(files: Array<{ field: string; name: string; bytes: Buffer; type?: string }>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----quorum${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${encodeURIComponent(f.name)}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`));
    chunks.push(f.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
