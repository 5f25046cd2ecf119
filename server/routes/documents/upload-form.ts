// Reads a document upload (multipart) as it arrives: the form's fields in any order, and one file streamed onto
// disk (document-store.ts), refused as soon as it passes MAX_DOCUMENT_BYTES. Nothing of it is kept on a refusal.
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { AppError } from '../../../shared/errors';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_MB } from '../../../shared/documents';
import type { DocumentStore, Spooled } from '../../services/document-store';

export interface UploadForm {
  fields: Record<string, string>;
  file: Spooled;
  name: string;
}

const tooLarge = (name: string) =>
  new AppError('ERR_PAYLOAD_TOO_LARGE', `「${name}」超过每个文件 ${MAX_DOCUMENT_MB} MB 的上限 / ${name} is over the ${MAX_DOCUMENT_MB} MB limit per file`);

/** A cut or malformed multipart body makes busboy throw a plain Error: the client's mistake (400), not a 500. */
function asClientFault(error: unknown): unknown {
  const status = (error as { statusCode?: number }).statusCode;
  if (error instanceof AppError || (status && status >= 400 && status < 500)) return error;
  return new AppError('ERR_VALIDATION', '上传内容不完整或格式错误 / Malformed or incomplete multipart upload');
}

async function* bounded(part: MultipartFile): AsyncGenerator<Buffer> {
  let size = 0;
  try {
    for await (const chunk of part.file as Readable) {
      size += (chunk as Buffer).length;
      if (size > MAX_DOCUMENT_BYTES) throw tooLarge(part.filename);
      yield chunk as Buffer;
    }
  } catch (error) {
    throw asClientFault(error);
  }
  if (part.file.truncated) throw tooLarge(part.filename);
}

/** The upload's fields and its one file, spooled; a second file, or none, is refused (and the spool dropped). */
export async function readUploadForm(req: FastifyRequest, store: DocumentStore): Promise<UploadForm> {
  if (!req.isMultipart()) throw new AppError('ERR_UNSUPPORTED_MEDIA', '请以 multipart/form-data 上传 / Send multipart/form-data');
  const fields: Record<string, string> = {};
  let file: Spooled | null = null;
  let name = '';
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') fields[part.fieldname] = String(part.value);
      else if (file) throw new AppError('ERR_VALIDATION', '每次只能上传一个文件 / Upload one file at a time');
      else {
        name = part.filename.normalize('NFC').trim() || 'document.pdf';
        file = await store.spool(bounded(part));
      }
    }
  } catch (error) {
    if (file) await store.discard(file);
    throw asClientFault(error);
  }
  if (!file) throw new AppError('ERR_VALIDATION', '请选择要上传的 PDF 文件 / Choose a PDF file to upload');
  return { fields, file, name };
}
