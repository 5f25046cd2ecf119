// Just enough ASN.1 DER to write an X.509 certificate: definite lengths, the universal types a certificate
// uses, and context tags. Reading certificates is left to node:crypto's X509Certificate.

const length = (n: number): Buffer => {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
};

export const tlv = (tag: number, content: Buffer): Buffer => Buffer.concat([Buffer.from([tag]), length(content.length), content]);
export const seq = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
export const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
export const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0x00]));
export const octets = (b: Buffer): Buffer => tlv(0x04, b);
export const utf8 = (s: string): Buffer => tlv(0x0c, Buffer.from(s, 'utf8'));
/** [n] EXPLICIT: wraps a whole encoding. */
export const explicit = (n: number, inner: Buffer): Buffer => tlv(0xa0 + n, inner);
/** [n] IMPLICIT on a primitive: replaces the tag. */
export const implicit = (n: number, content: Buffer): Buffer => tlv(0x80 + n, content);

/** A non-negative INTEGER from big-endian bytes or a small number. */
export function int(value: Buffer | number): Buffer {
  const hex = typeof value === 'number' ? value.toString(16) : '';
  let b = typeof value === 'number' ? Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex') : value;
  while (b.length > 1 && b[0] === 0 && b[1]! < 0x80) b = b.subarray(1);
  if (b[0]! >= 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

export function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a! + b!];
  for (const n of rest) {
    const chunk = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

/** BIT STRING of whole bytes (signatures, keys). */
export const bits = (b: Buffer): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), b]));

/** BIT STRING of named bits (KeyUsage): bit 0 is the most significant; trailing zero bits are dropped. */
export function namedBits(bitNumbers: number[]): Buffer {
  const top = Math.max(...bitNumbers);
  const bytes = Buffer.alloc(Math.floor(top / 8) + 1);
  for (const n of bitNumbers) bytes[Math.floor(n / 8)]! |= 0x80 >> n % 8;
  return tlv(0x03, Buffer.concat([Buffer.from([7 - (top % 8)]), bytes]));
}

/** UTCTime until 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
export function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z'; // YYYYMMDDHHMMSSZ
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
}
