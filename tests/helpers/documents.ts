// Uploads for the 会议文件 tests: a multipart body with form fields and one file, sent as a staff member; and the bad
// inputs the upload must refuse, made from a real PDF: encrypted with qpdf (Debian's, installed by .ci/run: pdf-lib
// cannot encrypt), damaged by cutting it short.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sessionCookie } from './app';

/** A multipart body: the fields first, then the file (or the file first, `fileFirst`). */
export function documentForm(
  file: { name: string; data: Buffer } | null,
  fields: Record<string, string> = {},
  fileFirst = false,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----quorumdoc${Math.random().toString(16).slice(2)}`;
  const fieldParts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const fileParts = file
    ? [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`), file.data, Buffer.from('\r\n')]
    : [];
  const parts = fileFirst ? [...fileParts, ...fieldParts] : [...fieldParts, ...fileParts];
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** POSTs a document upload (url: the sitting's documents or a document's versions) as the test admin or `cookie`. */
export async function postDocument(
  app: FastifyInstance,
  url: string,
  file: { name: string; data: Buffer } | null,
  fields: Record<string, string> = {},
  cookie = sessionCookie(app),
): Promise<LightMyRequestResponse> {
  const form = documentForm(file, fields);
  return app.inject({ method: 'POST', url, payload: form.payload, headers: { ...form.headers, ...(cookie ? { cookie } : {}) } });
}

/** The PDF encrypted with a user password (AES-256): it cannot be opened without it. */
export function encryptedPdf(pdf: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-qpdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('qpdf', ['--encrypt', 'secret-user', 'secret-owner', '256', '--', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
    return readFileSync(join(dir, 'out.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF cut short (as a copy interrupted halfway leaves it): header intact, the rest missing. */
export const damagedPdf = (pdf: Buffer): Buffer => pdf.subarray(0, Math.floor(pdf.length * 0.6));

/**
 * A one-page PDF written by hand (no browser): for tests that need a valid document and nothing more. `padBytes`
 * adds an unused stream object of that many random bytes (a large file that is still a valid PDF).
 */
export function tinyPdf(text = 'Quorum', padBytes = 0): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    (() => {
      const stream = `BT /F1 24 Tf 72 760 Td (${text}) Tj ET`;
      return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    })(),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  if (padBytes > 0) objects.push(`<< /Length ${padBytes} >>\nstream\n${randomBytes(padBytes).toString('latin1')}\nendstream`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
