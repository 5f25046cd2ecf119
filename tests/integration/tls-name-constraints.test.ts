// Hostile review, point 12: the root a tablet installs had no name constraints, so its key could sign a
// certificate for any site and every tablet would trust it. Now it may vouch only for this server's names and
// networks: a real TLS client (OpenSSL in Node) refuses a certificate it signed for anything else.
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreate } from '../../server/tls/certificates';
import { makeCertificate, newKeyPair } from '../../server/tls/x509';

const dir = mkdtempSync(join(tmpdir(), 'quorum-nc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const names = ['quorum-pc', 'quorum-pc.local', 'localhost', '127.0.0.1', '::1', '192.168.1.20'];
const material = loadOrCreate(dir, names);

/** A certificate for `altNames` signed with the root's own key — what a stolen root key could make. */
function signedByRoot(altNames: string[]): { key: string; cert: string } {
  const caKey = createPrivateKey(readFileSync(join(dir, 'ca.key'), 'utf8'));
  const cn = new X509Certificate(material.caCert!).subject.split('\n').find((l) => l.startsWith('CN='))!.slice(3);
  const pair = newKeyPair();
  const cert = makeCertificate({ commonName: 'Quorum signed-by-root', publicKey: pair.publicKey, issuer: { commonName: cn, privateKey: caKey, publicKey: createPublicKey(caKey) }, days: 30, isCa: false, altNames });
  return { key: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, cert };
}

/** A TLS handshake to a server holding `cert`, trusting the root alone; answers the client's error, or null. */
async function handshake(cert: { key: string; cert: string }, servername: string, ip?: string): Promise<string | null> {
  const server = tls.createServer(cert, (s) => s.end());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  try {
    return await new Promise<string | null>((resolve) => {
      // For an address, the identity check is the address's own (SNI carries names only).
      const identity = ip ? { checkServerIdentity: (_h: string, c: tls.PeerCertificate) => tls.checkServerIdentity(ip, c) } : {};
      const socket = tls.connect({ host: '127.0.0.1', port, ca: material.caCert!, servername, ...identity }, () => {
        socket.end();
        resolve(null);
      });
      socket.on('error', (e: NodeJS.ErrnoException) => resolve(`${e.code ?? ''} ${e.message}`));
    });
  } finally {
    server.close();
  }
}

describe('the root certificate', () => {
  it('is trusted for this server', async () => {
    expect(await handshake({ key: material.key, cert: material.cert }, 'quorum-pc')).toBeNull();
  });

  it('cannot vouch for another site, even with its own key', async () => {
    expect(await handshake(signedByRoot(['quorum-pc']), 'quorum-pc')).toBeNull(); // the key itself works
    const error = await handshake(signedByRoot(['bank.example']), 'bank.example');
    expect(error).toMatch(/permitted subtree violation/);
  });

  it('cannot vouch for an address outside its networks', async () => {
    expect(await handshake(signedByRoot(['192.168.1.99']), 'localhost', '192.168.1.99')).toBeNull(); // inside its /24
    expect(await handshake(signedByRoot(['8.8.8.8']), 'localhost', '8.8.8.8')).toMatch(/permitted subtree violation/);
  });

  it('marks its name constraints critical', () => {
    const der = new X509Certificate(material.caCert!).raw;
    // 2.5.29.30 (nameConstraints) followed by BOOLEAN TRUE (critical)
    expect(der.includes(Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x1e, 0x01, 0x01, 0xff]))).toBe(true);
  });
});
