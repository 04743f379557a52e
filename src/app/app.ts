/** @module Builds the web app: an ordered, named middleware stack, then each module's routes. */
import '../platform/http/fastifyTypes.js';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import formbody from '@fastify/formbody';
import view from '@fastify/view';
import nunjucks from 'nunjucks';
import type { Services } from '../composition.js';
import { configureNunjucks, templateFolders } from './nunjucksSetup.js';
import { setUpRouteTable } from './middleware/setUpRouteTable.js';
import { setUpWebSecurity } from './middleware/setUpWebSecurity.js';
import { setUpStaticResources } from './middleware/setUpStaticResources.js';
import { setUpWebSession } from './middleware/setUpWebSession.js';
import { setUpCsrf } from './middleware/setUpCsrf.js';
import { setUpAuthentication } from './middleware/setUpAuthentication.js';
import { setUpAuthorisation } from './middleware/setUpAuthorisation.js';
import { setUpChildScope } from './middleware/setUpChildScope.js';
import { setUpBadRequests } from './middleware/setUpBadRequests.js';
import { setUpPageContext } from './middleware/setUpPageContext.js';
import { setUpDrafts } from './middleware/setUpDrafts.js';
import { setUpRepeatedForms } from './middleware/setUpRepeatedForms.js';
import { registerRoutes } from './routes.js';
import { paths } from '../platform/http/paths.js';
import { HttpError } from '../platform/http/httpError.js';
import { loggableError, statusOf } from './errorAnswers.js';

/**
 * @example const app = await buildApp(services); await app.listen({ port: 3000 })
 */
export async function buildApp(services: Services, options: { logger?: FastifyServerOptions['logger'] } = {}): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    // Request lines would put children's ids into the log; the audit trail records who saw what instead.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    // X-Forwarded-For is believed only from the proxies named in CAIRN_TRUSTED_PROXIES; otherwise the socket's
    // address is the client's, so a header cannot lift the rate limits (issue 16).
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });

  await setUpRouteTable(app);
  await setUpWebSecurity(app, config);
  const assets = await setUpStaticResources(app);
  await app.register(formbody);
  await setUpBadRequests(app);
  await setUpWebSession(app, config);
  await setUpCsrf(app);
  await setUpAuthentication(app, config, services);
  await setUpAuthorisation(app, services);
  await setUpChildScope(app, services);
  await app.register(view, {
    engine: { nunjucks },
    templates: templateFolders,
    options: { onConfigure: (environment: nunjucks.Environment) => configureNunjucks(environment, assets), autoescape: true },
  });
  await setUpPageContext(app, services);
  await setUpDrafts(app, services);
  await setUpRepeatedForms(app, services);

  // Error pages first: a plugin registered with `await` keeps the handler in force when it was registered.
  app.setNotFoundHandler(async (request, reply) => {
    return reply.code(404).view('pages/error.njk', { title: 'Page not found', message: 'If you typed the web address, check it is correct.' });
  });

  app.setErrorHandler(async (error, request, reply) => {
    const status = statusOf(error);
    // Never the message or the request: either may hold what someone typed or a child's id (issue 16).
    if (status >= 500) request.log.error(loggableError(error, request), 'request failed');
    // A value the database could not take (class 22) or a schema's refusal: usually what was sent, but it may be
    // Cairn's own (a date it worked out in a year the database has no day in), so it is logged to be seen.
    else if (status === 400 && !(error instanceof HttpError)) request.log.warn(loggableError(error, request), 'request could not be read');
    const csrf = (error as { code?: string }).code?.startsWith('FST_CSRF');
    const title = csrf
      ? 'This form has expired'
      : status === 403 ? 'You do not have permission to see this page'
      : status === 404 ? 'Page not found'
      : status === 429 ? 'Too many requests'
      : status >= 500 ? 'Sorry, there is a problem with Cairn' : 'Something was wrong with that request';
    const message = csrf
      ? 'Go back, reload the page and try again. Nothing was saved.'
      : status >= 500 ? 'Try again later. What you entered has not been saved.'
      : status === 400 && !(error instanceof HttpError) ? 'Something in that request could not be read. Check what you entered and try again.'
      : (error as Error).message;
    if (request.headers.accept?.includes('application/json') && !request.headers.accept.includes('text/html')) {
      return reply.code(status).send({ error: title });
    }
    return reply.code(status).view('pages/error.njk', { title, message });
  });

  app.get(paths.health.pattern, { config: { access: { public: true } } }, async () => ({ status: 'ok' }));
  await registerRoutes(app, services);

  return app;
}
