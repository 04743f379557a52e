/** @module Signing in with a username and password, signing out, and (from its own files) single sign-on and the session's timer. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import { signInErrors, signInNotice } from './signInPresenter.js';
import { endSession, startSession } from './userSession.js';
import type { SessionService } from './sessionService.js';
import type { Config } from '../../platform/config.js';
import type { UserService } from './userService.js';
import type { OidcClient } from './oidcClient.js';
import type { AuditService } from '../audit/auditService.js';

/** What signInRoutes needs from the composition root. */
export interface SignInRoutesNeeds {
  audit: AuditService;
  config: Config;
  oidc: OidcClient | undefined;
  users: UserService;
  sessions: SessionService;
}

const signInForm = z.object({
  username: z.string().trim().max(200).catch(''),
  password: z.string().max(1000).catch(''),
});

const fieldOrder = ['username', 'password'] as const;

/** Password guessing is slowed per address here (CAIRN_SIGN_IN_PER_MINUTE, default 10), and per account by the lockout in the user service. */
const signInRateLimit = (perMinute: number) => ({ max: perMinute, timeWindow: '1 minute' }) as const;

/**
 * The sign-in and sign-out routes, plus the session and single sign-on routes.
 * @example await signInRoutes(app, services)
 */
export async function signInRoutes(app: FastifyInstance, services: SignInRoutesNeeds): Promise<void> {
  const { config } = services;

  app.get(paths.signIn.show.pattern, { config: { access: { public: true } } }, async (request, reply) => {
    if (request.user) return reply.redirect(paths.home(), 303);
    const flash = request.session.get('signInReason');
    if (flash) request.session.set('signInReason', undefined);
    return reply.view('users/views/signIn.njk', {
      title: 'Sign in',
      notice: signInNotice(flash, config.idleTimeoutMinutes),
      singleSignOn: !!services.oidc,
      values: {},
      errors: {},
      errorList: [],
    });
  });

  app.post(
    paths.signIn.submit.pattern,
    { config: { access: { public: true }, rateLimit: signInRateLimit(config.signInPerMinute) } },
    async (request, reply) => {
      const form = signInForm.parse(request.body ?? {});
      const errors: Record<string, string> = {};
      if (!form.username) errors.username = 'Enter your username';
      if (!form.password) errors.password = 'Enter your password';
      if (Object.keys(errors).length === 0) {
        const result = await services.users.signIn(form.username, form.password);
        if (result.outcome === 'signed_in') return reply.redirect(await startSession(request, services.sessions, result.user), 303);
        Object.assign(errors, signInErrors());
      }
      return reply.code(200).view('users/views/signIn.njk', {
        title: 'Sign in',
        singleSignOn: !!services.oidc,
        values: { username: form.username },
        errors,
        errorList: errorSummary(errors, fieldOrder),
      });
    },
  );

  // Public so that signing out always works, even from a page left open after the session ended.
  app.post(paths.signOut.pattern, { config: { access: { public: true } } }, async (request, reply) => {
    if (request.user) await services.audit.record({ kind: 'user', user: request.user }, { action: 'user.signed_out' });
    await endSession(request, services.sessions, 'signed_out');
    return reply.redirect(paths.signIn.show(), 303);
  });
}
