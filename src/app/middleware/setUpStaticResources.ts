/**
 * @module Static files: GOV.UK Frontend's assets and script, and Cairn's compiled stylesheet, scripts and icon. Cairn's
 * stylesheet, scripts and icon, and GOV.UK Frontend's script, are served under their fingerprint (`/assets/<fingerprint>/…`)
 * and kept by browsers for a year without asking again: a page load fetches its HTML and nothing else (ADR 0075). An
 * address under another fingerprint is sent on to the current one.
 */
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { join } from 'node:path';
import { projectRoot, sourcePath } from '../../platform/projectRoot.js';
import { fingerprintOf, type ServedFolder } from './assetFingerprint.js';

/** Where a page finds Cairn's assets, e.g. `/assets/3f9c0a1b2d4e` (no trailing slash). */
export interface AssetAddresses {
  assetPath: string;
}

/** A year: the most HTTP caches honour; `immutable` tells browsers not to ask again even on reload. */
const aYear = 365 * 24 * 60 * 60 * 1000;

export async function setUpStaticResources(app: FastifyInstance): Promise<AssetAddresses> {
  // Assets hold no data: anyone may fetch them, signed in or not.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/assets/')) route.config = { ...route.config, access: { public: true } };
  });
  const govuk = join(projectRoot, 'node_modules', 'govuk-frontend', 'dist', 'govuk');
  // Images and fonts GOV.UK Frontend's stylesheet names at a fixed address (`$govuk-assets-path`, set when it is compiled).
  await app.register(fastifyStatic, { root: join(govuk, 'assets'), prefix: '/assets/govuk/', maxAge: '1d' });
  const fingerprinted: ServedFolder[] = [
    { name: 'govuk-frontend', folder: govuk, files: ['govuk-frontend.min.js'] },
    { name: 'cairn', folder: join(projectRoot, 'dist', 'public') },
    { name: 'js', folder: sourcePath('app', 'assets', 'js') },
    { name: 'icons', folder: sourcePath('app', 'assets', 'icons') },
  ];
  const assetPath = `/assets/${fingerprintOf(fingerprinted)}`;
  for (const { name, folder, files } of fingerprinted) {
    await app.register(fastifyStatic, {
      root: folder,
      prefix: `${assetPath}/${name}/`,
      decorateReply: false,
      ...(files ? { allowedPath: (path: string) => files.includes(path.replace(/^\//, '')) } : {}),
      maxAge: aYear,
      immutable: true,
    });
  }
  // A page drawn before a restart into a new build names the old fingerprint: send it on to the same file under the
  // current one (not kept by any cache), so the page still draws with its stylesheet and scripts.
  app.get('/assets/:fingerprint/:folder/*', async (request, reply) => {
    const { fingerprint, folder, '*': file } = request.params as { fingerprint: string; folder: string; '*': string };
    const served = fingerprinted.find((candidate) => candidate.name === folder);
    if (!/^[0-9a-f]{12}$/.test(fingerprint) || !served || !/^[\w.-]+$/.test(file) || (served.files && !served.files.includes(file))) {
      return reply.callNotFound();
    }
    return reply.header('cache-control', 'no-store').redirect(`${assetPath}/${folder}/${file}`, 302);
  });
  return { assetPath };
}
