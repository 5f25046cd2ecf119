// The certificate the server serves HTTPS with: given (QUORUM_TLS_CERT / QUORUM_TLS_KEY), or made here on
// first start under QUORUM_DATA/tls/: a local root (ca.crt, ten years) that each tablet installs once, and a
// server certificate it signs for this machine's LAN addresses and names. The root may sign for those names and
// networks only (name-scope.ts). The server certificate is made again, by the same root, when an address changes
// within the root's networks or it nears its end, so tablets rarely re-install.
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { makeCertificate, newKeyPair } from './x509';
import { inScope, permittedFor } from './name-scope';

export interface TlsMaterial {
  key: string;
  cert: string;
  /** The root the tablets install; null when the certificate was given. */
  caCert: string | null;
  /** SHA-256 fingerprint to check on the tablet: of the root when made here, else of the given certificate. */
  fingerprint: string;
  /** Names and addresses the certificate answers for. */
  names: string[];
}

const CA_DAYS = 3650;
/** Apple accepts at most 825 days for a TLS server certificate, even from a root the user installed. */
const SERVER_DAYS = 800;
const RENEW_DAYS = 30;

/** This machine's names and addresses: host name, host.local (mDNS), localhost, loopback and LAN IPs. */
export function lanNames(extra: string[] = []): string[] {
  const host = hostname().toLowerCase();
  const ips = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !(a.family === 'IPv6' && a.address.toLowerCase().startsWith('fe80')))
    .map((a) => a!.address);
  return [...new Set([host, `${host}.local`, 'localhost', '127.0.0.1', '::1', ...ips, ...extra].filter((n) => n && n !== 'localhost.local'))];
}

function writeSecret(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

function covers(cert: X509Certificate, names: string[]): boolean {
  return names.every((n) => (n.includes(':') || /^\d+\.\d+\.\d+\.\d+$/.test(n) ? cert.checkIP(n) : cert.checkHost(n)) !== undefined);
}

export function loadOrCreate(dir: string, names: string[], now = Date.now()): TlsMaterial {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caKeyPath = join(dir, 'ca.key');
  const caCertPath = join(dir, 'ca.crt');
  // The names the root was limited to; a root made before name constraints has none and is replaced, as is one
  // whose scope no longer holds this machine's names (the tablets then install the new root).
  const scopePath = join(dir, 'ca.names.json');
  const scopeNames = existsSync(scopePath) ? (JSON.parse(readFileSync(scopePath, 'utf8')) as string[]) : null;
  const inRootScope = scopeNames !== null && names.every((n) => inScope(permittedFor(scopeNames), n));
  if (!existsSync(caKeyPath) || !existsSync(caCertPath) || !inRootScope) {
    const pair = newKeyPair();
    const cn = `Quorum 本地根证书 ${hostname()} ${new Date(now).toISOString().slice(0, 10)}`;
    writeSecret(caKeyPath, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    const permitted = permittedFor(names);
    writeFileSync(caCertPath, makeCertificate({ commonName: cn, publicKey: pair.publicKey, issuer: { commonName: cn, ...pair }, days: CA_DAYS, isCa: true, permitted }));
    writeFileSync(scopePath, JSON.stringify(names));
  }
  const caCert = readFileSync(caCertPath, 'utf8');
  const ca = new X509Certificate(caCert);
  const caPrivate = createPrivateKey(readFileSync(caKeyPath, 'utf8'));
  const keyPath = join(dir, 'server.key');
  const certPath = join(dir, 'server.crt');
  const current = existsSync(certPath) && existsSync(keyPath) ? new X509Certificate(readFileSync(certPath, 'utf8')) : null;
  const fresh = current && current.checkIssued(ca) && current.verify(ca.publicKey) && Date.parse(current.validTo) > now + RENEW_DAYS * 86_400_000 && covers(current, names);
  if (!fresh) {
    const pair = newKeyPair();
    const issuer = { commonName: ca.subject.split('\n').find((l) => l.startsWith('CN='))!.slice(3), privateKey: caPrivate, publicKey: createPublicKey(caPrivate) };
    writeSecret(keyPath, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    writeFileSync(certPath, makeCertificate({ commonName: `Quorum ${hostname()}`, publicKey: pair.publicKey, issuer, days: SERVER_DAYS, isCa: false, altNames: names }));
  }
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8'), caCert, fingerprint: ca.fingerprint256, names };
}

/** A certificate and key the venue provides (e.g. from its own CA). */
export function given(certFile: string, keyFile: string): TlsMaterial {
  const cert = readFileSync(certFile, 'utf8');
  const x = new X509Certificate(cert);
  const names = (x.subjectAltName ?? '').split(', ').map((n) => n.replace(/^(DNS|IP Address):/, '')).filter(Boolean);
  return { key: readFileSync(keyFile, 'utf8'), cert, caCert: null, fingerprint: x.fingerprint256, names };
}
