import type { FastifyInstance } from 'fastify';

export default async function healthRoutes(app: FastifyInstance) {
  // Answers only once buildApp has opened and migrated the database, i.e. when the server can serve.
  app.get('/api/health', { config: { access: 'public' } }, async () => ({ ok: true }));
  // The venue's clock, for the console, the big screen and the kiosks (nothing secret: a zone name).
  app.get('/api/venue', { config: { access: 'public' } }, async () => ({ timeZone: app.ctx.timeZone }));
}
