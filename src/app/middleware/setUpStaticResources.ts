/** @module Static files: GOV.UK Frontend's assets and script, and Cairn's compiled stylesheet and scripts. */
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { join } from 'node:path';
import { projectRoot, sourcePath } from '../../platform/projectRoot.js';

export async function setUpStaticResources(app: FastifyInstance): Promise<void> {
  // Assets hold no data: anyone may fetch them, signed in or not.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/assets/')) route.config = { ...route.config, access: { public: true } };
  });
  const govuk = join(projectRoot, 'node_modules', 'govuk-frontend', 'dist', 'govuk');
  await app.register(fastifyStatic, { root: join(govuk, 'assets'), prefix: '/assets/govuk/', maxAge: '1d' });
  await app.register(fastifyStatic, { root: govuk, prefix: '/assets/govuk-frontend/', decorateReply: false, allowedPath: (path) => path === '/govuk-frontend.min.js', maxAge: '1d' });
  await app.register(fastifyStatic, { root: join(projectRoot, 'dist', 'public'), prefix: '/assets/cairn/', decorateReply: false });
  await app.register(fastifyStatic, { root: sourcePath('app', 'assets', 'js'), prefix: '/assets/js/', decorateReply: false });
}
