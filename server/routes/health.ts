import type { FastifyInstance } from 'fastify';

export default async function healthRoutes(app: FastifyInstance) {
  // Answers only once buildApp has opened and migrated the database, i.e. when the server can serve.
  app.get('/api/health', { config: { access: 'public' } }, async () => ({ ok: true }));
}
