// A small X.509 v3 certificate writer over node:crypto (ECDSA P-256, SHA-256): a local root (CA) that the
// tablets install once, limited to this server's names and networks, and the server certificate it signs for
// the LAN addresses and host names.
// Node's X509Certificate and a real TLS handshake check what it writes (tests/integration/tls.test.ts).
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { bits, bool, explicit, implicit, int, namedBits, octets, oid, seq, set, time, tlv, utf8 } from './der';
import { ipBytes, type Permitted } from './name-scope';

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
  /** The root: the only names and networks it may sign for (name constraints, marked critical). */
  permitted?: Permitted[];
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

function altNames(names: string[]): Buffer {
  return seq(...names.map((n) => (isIP(n) ? implicit(7, ipBytes(n)) : implicit(2, Buffer.from(n, 'ascii')))));
}

/** NameConstraints with permittedSubtrees only: [0] { GeneralSubtree { base } ... } (RFC 5280 §4.2.1.10). */
function nameConstraints(scope: Permitted[]): Buffer {
  const subtrees = scope.map((p) => seq('dns' in p ? implicit(2, Buffer.from(p.dns, 'ascii')) : implicit(7, Buffer.concat([p.ip, p.mask]))));
  return seq(tlv(0xa0, Buffer.concat(subtrees)));
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
        ...(req.permitted ? [extension('2.5.29.30', true, nameConstraints(req.permitted))] : []),
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
