/** @module CSRF protection on every state-changing request, as a preHandler; pages get a token to put in their forms. */
import type { FastifyInstance } from 'fastify';
import csrf from '@fastify/csrf-protection';

export async function setUpCsrf(app: FastifyInstance): Promise<void> {
  await app.register(csrf, { sessionPlugin: '@fastify/secure-session' });
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.routeOptions.config.csrfExempt) return done();
    app.csrfProtection(request, reply, done);
  });
}
