// A small X.509 v3 certificate writer over node:crypto (ECDSA P-256, SHA-256): a local root (CA) that the
// tablets install once, and the server certificate it signs for the LAN addresses and host names.
// Node's X509Certificate and a real TLS handshake check what it writes (tests/integration/tls.test.ts).
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { bits, bool, explicit, implicit, int, namedBits, octets, oid, seq, set, time, utf8 } from './der';

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

export interface CertificateRequest {
  commonName: string;
  publicKey: KeyObject;
  /** Who signs: the CA's name and key; for the CA itself, its own. */
  issuer: { commonName: string; privateKey: KeyObject; publicKey: KeyObject };
  days: number;
  isCa: boolean;
  /** Server certificates: DNS names and IP addresses it answers for. */
  altNames?: string[];
}

const ORG = 'Quorum 会议报到与表决系统';
const name = (cn: string) => seq(set(seq(oid('2.5.4.10'), utf8(ORG))), set(seq(oid('2.5.4.3'), utf8(cn))));
const extension = (id: string, critical: boolean, value: Buffer) => seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));

/** The SHA-1 of the key's bits, as subject/authority key identifiers are usually made (RFC 5280 §4.2.1.2). */
function keyId(publicKey: KeyObject): Buffer {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  // A P-256 SubjectPublicKeyInfo ends with its BIT STRING's content: the 65-byte uncompressed point.
  return createHash('sha1').update(spki.subarray(spki.length - 65)).digest();
}

/** An IPv4 or IPv6 address as the 4 or 16 bytes a SAN iPAddress holds. */
export function ipBytes(address: string): Buffer {
  if (isIP(address) === 4) return Buffer.from(address.split('.').map(Number));
  const [head, tail = ''] = address.split('::');
  const groups = (s: string) => (s ? s.split(':') : []);
  const h = groups(head!);
  const t = address.includes('::') ? groups(tail) : [];
  const all = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return Buffer.from(all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}

function altNames(names: string[]): Buffer {
  return seq(...names.map((n) => (isIP(n) ? implicit(7, ipBytes(n)) : implicit(2, Buffer.from(n, 'ascii')))));
}

export function makeCertificate(req: CertificateRequest): string {
  const now = Date.now();
  const serial = randomBytes(16);
  serial[0]! &= 0x7f;
  const extensions = req.isCa
    ? [
        extension('2.5.29.19', true, seq(bool(true), int(0))), // CA, no intermediates below it
        extension('2.5.29.15', true, namedBits([0, 5, 6])), // digitalSignature, keyCertSign, cRLSign
        extension('2.5.29.14', false, octets(keyId(req.publicKey))),
      ]
    : [
        extension('2.5.29.19', true, seq()), // not a CA
        extension('2.5.29.15', true, namedBits([0])), // digitalSignature (ECDHE key exchange)
        extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))), // serverAuth
        extension('2.5.29.17', false, altNames(req.altNames ?? [])),
        extension('2.5.29.14', false, octets(keyId(req.publicKey))),
        extension('2.5.29.35', false, seq(implicit(0, keyId(req.issuer.publicKey)))),
      ];
  const tbs = seq(
    explicit(0, int(2)), // v3
    int(serial),
    ECDSA_SHA256,
    name(req.issuer.commonName),
    seq(time(new Date(now - 60 * 60 * 1000)), time(new Date(now + req.days * 86_400_000))), // an hour back: tablet clocks drift
    name(req.commonName),
    req.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, seq(...extensions)),
  );
  const der = seq(tbs, ECDSA_SHA256, bits(sign('sha256', tbs, req.issuer.privateKey)));
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`;
}

export function newKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
}
