// Whether an uploaded file is a PDF a tablet can show: the type by its bytes (never its name), then a full parse
// by pdf.js (the same renderer the seat tablets use), which also gives the page count and the outline.
// Refused, each with its own Chinese message: a Word file (请另存为 PDF 后上传), a zip, anything else that is not a
// PDF, a PDF that needs a password to open, a damaged PDF. An owner-password PDF (permissions only) opens without
// one, in pdf.js as in any reader, and is accepted.
import { readFile } from 'node:fs/promises';
import { AppError } from '../../shared/errors';

export interface PdfFacts {
  pages: number;
  outline: string[];
}

const MAX_OUTLINE = 200;

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .doc, .xls, .ppt (Office 97–2003)
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // {\rtf

const wordFile = (name: string) =>
  new AppError('ERR_UNSUPPORTED_MEDIA', `「${name}」是 Word 文件，请另存为 PDF 后上传 / ${name} is a Word file: save it as PDF, then upload`);

/** Refuses what is not a PDF by its first bytes; `name` only picks the wording (Word or not). */
export function checkFileType(head: Buffer, name: string): void {
  const looksWord = /\.(docx?|dotx?|docm|wps|rtf)$/i.test(name);
  if (startsWith(head, ZIP) || startsWith(head, ZIP_EMPTY)) {
    if (looksWord || head.indexOf('word/') !== -1) throw wordFile(name);
    throw new AppError('ERR_UNSUPPORTED_MEDIA', `「${name}」是压缩包（zip），请解压后逐个上传 PDF 文件 / ${name} is a zip archive: unpack it and upload each PDF`);
  }
  if (startsWith(head, OLE) || startsWith(head, RTF)) throw wordFile(name);
  // After the archive checks: a zip that stores a PDF uncompressed holds "%PDF-" in its first bytes too. The PDF
  // header may follow a little junk (readers accept it within the first 1,024 bytes).
  if (head.indexOf('%PDF-') !== -1) return;
  if (looksWord) throw wordFile(name);
  throw new AppError('ERR_UNSUPPORTED_MEDIA', `「${name}」不是 PDF 文件（按文件内容判断，与文件名无关）/ ${name} is not a PDF (judged by its content, whatever its name)`);
}

interface PdfOutlineNode {
  title: string;
}

/** Parses the whole file with pdf.js: every page must load. Answers the page count and top-level outline titles. */
export async function checkPdf(path: string, name: string): Promise<PdfFacts> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(path));
  // stopAtErrors: a damaged file is refused rather than shown with pages missing.
  const task = pdfjs.getDocument({ data, isEvalSupported: false, stopAtErrors: true, verbosity: 0 });
  try {
    const doc = await task.promise;
    for (let i = 1; i <= doc.numPages; i++) await doc.getPage(i);
    const outline = ((await doc.getOutline()) ?? []) as PdfOutlineNode[];
    return { pages: doc.numPages, outline: outline.slice(0, MAX_OUTLINE).map((o) => String(o.title).slice(0, 200)) };
  } catch (error) {
    if ((error as Error).name === 'PasswordException') {
      throw new AppError('ERR_UNSUPPORTED_MEDIA', `「${name}」已加密（需要密码才能打开），请上传未加密的 PDF / ${name} is encrypted (needs a password): upload an unencrypted PDF`);
    }
    throw new AppError('ERR_VALIDATION', `「${name}」已损坏，无法打开，请重新导出 PDF 后上传 / ${name} is damaged and cannot be opened: export the PDF again`);
  } finally {
    await task.destroy();
  }
}
