/** @module The start page after sign-in: what this person can do. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../composition.js';
import { paths } from '../platform/http/paths.js';

export async function homeRoutes(app: FastifyInstance, services: Services): Promise<void> {
  void services;
  app.get(paths.home.pattern, { config: { access: { signedIn: true } } }, async (request, reply) => {
    return reply.view('pages/home.njk', { title: 'Home' });
  });
}
