// HTTPS on PORT for the app; plain HTTP on HTTP_PORT that redirects to it. Loopback requests on the HTTP port
// are served as they are, so tests and tools on the server machine keep using http://127.0.0.1. The root
// certificate is downloadable over plain HTTP at /quorum-ca.crt: a tablet cannot use HTTPS before it trusts
// it, and the fingerprint printed at start is what the clerk checks on the tablet before installing.
import type { FastifyInstance } from 'fastify';
import { createServer as createHttp, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { isIP, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TlsMaterial } from './certificates';

export const CA_PATH = '/quorum-ca.crt';

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase().replace(/^::ffff:/, '');
  return a === '::1' || (isIP(a) === 4 && a.startsWith('127.'));
}

/**
 * Where a plain-HTTP request should go: null to serve it here (loopback), else the https:// URL. The host is
 * taken from the Host header only when the certificate names it, so a forged Host cannot send the tablet
 * elsewhere; otherwise the server's own first LAN address is used. Judged by the socket's address alone:
 * no X-Forwarded-For is believed.
 */
export function redirectLocation(
  req: { remoteAddress: string | undefined; host: string | undefined; url: string },
  target: { httpsPort: number; names: readonly string[]; fallbackHost: string },
): string | null {
  if (isLoopback(req.remoteAddress)) return null;
  const asked = (req.host ?? '').toLowerCase().replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  const host = target.names.includes(asked) ? asked : target.fallbackHost;
  const shown = isIP(host) === 6 ? `[${host}]` : host;
  const url = req.url.startsWith('/') ? req.url : '/';
  return `https://${shown}${target.httpsPort === 443 ? '' : `:${target.httpsPort}`}${url}`;
}

const listen = (server: Server | ReturnType<typeof createHttps>, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });

export interface TlsListening {
  port: number;
  httpPort: number;
  close(): Promise<void>;
}

export async function listenTls(app: FastifyInstance, material: TlsMaterial, opts: { host: string; port: number; httpPort: number }): Promise<TlsListening> {
  await app.ready();
  // app.server never listens: both servers hand their requests to Fastify's own handler, and WebSocket
  // upgrades to the listener @fastify/websocket put on app.server.
  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => app.server.emit('upgrade', req, socket, head);
  const https = createHttps({ key: material.key, cert: material.cert }, (req, res) => app.routing(req, res));
  https.on('upgrade', upgrade);
  const fallbackHost = material.names.find((n) => isIP(n) === 4 && !n.startsWith('127.')) ?? material.names[0] ?? 'localhost';
  let httpsPort = opts.port;
  const http = createHttp((req, res) => {
    if (req.url === CA_PATH && material.caCert) {
      res.writeHead(200, { 'content-type': 'application/x-x509-ca-cert', 'content-disposition': 'attachment; filename="quorum-ca.crt"' });
      res.end(material.caCert);
      return;
    }
    const location = redirectLocation({ remoteAddress: req.socket.remoteAddress, host: req.headers.host, url: req.url ?? '/' }, { httpsPort, names: material.names, fallbackHost });
    if (location === null) return app.routing(req, res);
    res.writeHead(307, { location, 'cache-control': 'no-store', 'content-type': 'text/plain; charset=utf-8' });
    res.end(`请使用 HTTPS / Use HTTPS: ${location}\n`);
  });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => (isLoopback(req.socket.remoteAddress) ? upgrade(req, socket, head) : socket.destroy()));
  httpsPort = await listen(https, opts.port, opts.host);
  const httpPort = await listen(http, opts.httpPort, opts.host);
  const closeServer = (s: Server | ReturnType<typeof createHttps>) =>
    new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });
  return { port: httpsPort, httpPort, close: async () => void (await Promise.all([closeServer(https), closeServer(http)])) };
}
