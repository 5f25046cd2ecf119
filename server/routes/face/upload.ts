// Uploads read as they arrive, each part with its own bound: a roster file into memory (small), a photo zip onto an
// unlinked temporary file (read later by offset, never whole), a deputy's photos one at a time. Three 300 MB
// "photos" were read whole into memory before (+780 MB); now a part past its bound is refused as it streams in.
import { open, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { AppError } from '../../../shared/errors';
import { fileBytes, type ZipBytes } from '../../services/zip-reader';

/** A roster spreadsheet: 3,000 rows of .xlsx are ≈ 200 KB. */
export const MAX_ROSTER_BYTES = 10 * 1024 * 1024;
/** Photos in one upload for one deputy (three recent photos are what enrollment asks for). */
export const MAX_DEPUTY_PHOTOS = 10;

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
export const partTooLarge = (name: string, max: number) =>
  new AppError('ERR_PAYLOAD_TOO_LARGE', `文件 ${name} 超过 ${MB(max)} / ${name} is larger than ${MB(max)}`);

/** A cut or malformed multipart body makes busboy throw a plain Error: the client's mistake (400), not a 500. */
function asClientFault(error: unknown): unknown {
  const status = (error as { statusCode?: number }).statusCode;
  if (error instanceof AppError || (status && status >= 400 && status < 500)) return error;
  return new AppError('ERR_VALIDATION', '上传内容不完整或格式错误 / Malformed or incomplete multipart upload');
}

/** A part's chunks, with a broken body answered as the client's fault. */
async function* chunksOf(part: MultipartFile): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of part.file as Readable) yield chunk as Buffer;
  } catch (error) {
    throw asClientFault(error);
  }
}

/** The file parts of a multipart request in order. */
export async function* fileParts(req: FastifyRequest): AsyncGenerator<MultipartFile> {
  if (!req.isMultipart()) throw new AppError('ERR_UNSUPPORTED_MEDIA', '请以 multipart/form-data 上传 / Send multipart/form-data');
  try {
    for await (const part of req.parts()) if (part.type === 'file') yield part;
  } catch (error) {
    throw asClientFault(error);
  }
}

/** A part's bytes, refused once they pass `max` (the rest of the part is not read). */
export async function readLimited(part: MultipartFile, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunksOf(part)) {
    size += chunk.length;
    if (size > max) throw partTooLarge(part.filename, max);
    chunks.push(chunk);
  }
  if (part.file.truncated) throw partTooLarge(part.filename, max);
  return Buffer.concat(chunks);
}

/** Reads a part we do not use to its end, keeping nothing (the next part comes only after it). */
export async function drain(part: MultipartFile): Promise<void> {
  for await (const chunk of chunksOf(part)) void chunk;
}

/**
 * A part written to a temporary file that is unlinked at once (the open handle keeps it; nothing is left behind by
 * a crash), bounded by the multipart limit. Closing the returned bytes frees the disk space.
 */
export async function spoolToFile(part: MultipartFile, max: number): Promise<ZipBytes> {
  const path = join(tmpdir(), `quorum-upload-${randomBytes(8).toString('hex')}`);
  const fh = await open(path, 'wx+', 0o600);
  await unlink(path);
  try {
    let size = 0;
    for await (const chunk of chunksOf(part)) {
      size += chunk.length;
      if (size > max) throw partTooLarge(part.filename, max);
      await fh.write(chunk);
    }
    if (part.file.truncated) throw partTooLarge(part.filename, max);
    return fileBytes(fh, size);
  } catch (e) {
    await fh.close();
    throw e;
  }
}
