/** @module Starting and ending a signed-in session: the same for a password and for single sign-on. */
import type { FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../platform/access/user.js';
import type { SignInFlash } from './signInPresenter.js';
import { safeReturnPath } from '../../platform/http/returnPaths.js';
import { paths } from '../../platform/http/paths.js';

/** Pages that make no sense to land on after signing in (sign-in itself, background session calls). */
const notAReturnPlace = /^\/(sign-in|sign-out|session)(\/|$|\?)/;

/**
 * Start a session for `user`: clear everything the old session held (so nothing from before sign-in,
 * including its CSRF secret, carries over), and return the local path to go to next.
 * @example return reply.redirect(startSession(request, user), 303)
 */
export function startSession(request: FastifyRequest, user: SignedInUser): string {
  const returnTo = safeReturnPath(request.session.get('returnTo'));
  request.session.regenerate();
  request.session.set('userId', user.userId);
  request.session.set('lastSeenAt', Date.now());
  return returnTo && !notAReturnPlace.test(returnTo) ? returnTo : paths.home();
}

/**
 * End the session, leaving only the message for the sign-in page and, when given, where to return after it.
 * @example endSession(request, 'signed_out')
 */
export function endSession(request: FastifyRequest, flash: SignInFlash, returnTo?: string): void {
  request.session.regenerate();
  request.session.set('signInReason', flash);
  if (returnTo) request.session.set('returnTo', returnTo);
}
