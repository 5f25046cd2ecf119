// Two headers on every answer (API, pages, models, static files, errors), set in one place: `nosniff` so a
// browser never runs an uploaded or served file as something other than its declared type, and one strict
// Content-Security-Policy so script injected into a page (a name in the roster, a tampered response) cannot run.
// The kiosk's device key cannot be exported, but script running in the page could still use it: CSP is what
// keeps foreign script out of the page.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // Only our own script files: no inline script, no eval. 'wasm-unsafe-eval' lets WebAssembly compile (tfjs-wasm and
  // onnxruntime-web run the face models as WASM); it does not allow eval() or Function() of JavaScript.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  // data: for the inline favicon; blob: for camera frames shown and sent as object URLs.
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  // 'self' covers the same-origin live WebSocket (ws/wss) in current browsers.
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export default fp(
  async function securityHeaders(app: FastifyInstance) {
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('x-content-type-options', 'nosniff');
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      return payload;
    });
  },
  { name: 'security-headers' },
);
