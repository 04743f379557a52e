/** @module Single sign-on: send someone to the council's provider, and sign them in when they come back. */
import type { FastifyInstance } from 'fastify';
import { paths } from '../../platform/http/paths.js';
import { notFound } from '../../platform/http/httpError.js';
import { startSession } from './userSession.js';
import type { SessionService } from './sessionService.js';
import type { UserService } from './userService.js';
import type { OidcClient } from './oidcClient.js';

/** What singleSignOnRoutes needs from the composition root. */
export interface SingleSignOnRoutesNeeds {
  oidc: OidcClient | undefined;
  users: UserService;
  sessions: SessionService;
}

const problemPage = 'users/views/singleSignOnProblem.njk';

/**
 * `/sign-in/sso` and its callback. Without OIDC settings both are "page not found".
 * @example await singleSignOnRoutes(app, services)
 */
export async function singleSignOnRoutes(app: FastifyInstance, services: SingleSignOnRoutesNeeds): Promise<void> {
  const { oidc } = services;

  app.get(paths.signIn.oidcStart.pattern, { config: { access: { public: true } } }, async (request, reply) => {
    if (!oidc) throw notFound();
    let start: Awaited<ReturnType<OidcClient['start']>>;
    try {
      start = await oidc.start();
    } catch (error) {
      request.log.error({ err: error }, 'single sign-on provider unavailable');
      return reply.code(503).view(problemPage, {
        title: 'Single sign-on is not working',
        message: 'Cairn cannot reach your council’s sign-in service at the moment. Try again later, or sign in with your Cairn username and password.',
      });
    }
    request.session.set('oidcState', start.checks.state);
    request.session.set('oidcNonce', start.checks.nonce);
    request.session.set('oidcVerifier', start.checks.verifier);
    return reply.redirect(start.url.href, 303);
  });

  // Exempt from the CSRF token (the provider cannot send one): the state, nonce and PKCE checks do that job.
  app.get(paths.signIn.oidcCallback.pattern, { config: { access: { public: true }, csrfExempt: true } }, async (request, reply) => {
    if (!oidc) throw notFound();
    const state = request.session.get('oidcState');
    const nonce = request.session.get('oidcNonce');
    const verifier = request.session.get('oidcVerifier');
    // Used once: a replayed callback finds nothing to check against.
    request.session.set('oidcState', undefined);
    request.session.set('oidcNonce', undefined);
    request.session.set('oidcVerifier', undefined);
    if (!state || !nonce || !verifier) {
      return reply.code(400).view(problemPage, {
        title: 'Sign in again',
        message: 'This sign-in link has expired or was already used.',
      });
    }
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    let subject: string;
    try {
      subject = await oidc.finish(query, { state, nonce, verifier });
    } catch (error) {
      request.log.warn({ err: error }, 'single sign-on response refused');
      return reply.code(400).view(problemPage, {
        title: 'Single sign-on did not work',
        message: 'Your council’s sign-in service did not confirm who you are. Try again.',
      });
    }
    const user = await services.users.signInWithOidc(subject);
    if (!user) {
      return reply.code(403).view(problemPage, {
        title: 'Your council account is not set up in Cairn',
        message: 'Your council account is not set up in Cairn. Ask an administrator.',
        // The administrator needs this to link the council account to a Cairn account.
        subject,
      });
    }
    return reply.redirect(await startSession(request, services.sessions, user), 303);
  });
}
