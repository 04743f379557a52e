/** @module Starting and ending a signed-in session: the same for a password and for single sign-on. */
import type { FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../platform/access/user.js';
import type { SignInFlash } from './signInPresenter.js';
import { safeReturnPath } from '../../platform/http/returnPaths.js';
import { paths } from '../../platform/http/paths.js';
import type { SessionService } from './sessionService.js';
import type { SessionEnd } from './sessionRepository.js';

/** Pages that make no sense to land on after signing in (sign-in itself, background session calls). */
const notAReturnPlace = /^\/(sign-in|sign-out|session)(\/|$|\?)/;

/**
 * Start a session for `user`: a new server-side session whose random id the cookie carries, and nothing else from
 * before sign-in (including its CSRF secret) carried over. Returns the local path to go to next.
 * @example return reply.redirect(await startSession(request, services.sessions, user), 303)
 */
export async function startSession(request: FastifyRequest, sessions: Pick<SessionService, 'start'>, user: SignedInUser): Promise<string> {
  const returnTo = safeReturnPath(request.session.get('returnTo'));
  const sessionId = await sessions.start(user.userId);
  request.session.regenerate();
  request.session.set('sessionId', sessionId);
  return returnTo && !notAReturnPlace.test(returnTo) ? returnTo : paths.home();
}

/**
 * End the session — on the server, so a copy of the cookie is worth nothing after — leaving only the message for
 * the sign-in page and, when given, where to return after it.
 * @example await endSession(request, services.sessions, 'signed_out')
 */
export async function endSession(request: FastifyRequest, sessions: Pick<SessionService, 'end'>, flash: SignInFlash, returnTo?: string): Promise<void> {
  const reason: SessionEnd = flash === 'idle' ? 'idle' : 'signed_out';
  await sessions.end(request.session.get('sessionId'), reason);
  request.session.regenerate();
  request.session.set('signInReason', flash);
  if (returnTo) request.session.set('returnTo', returnTo);
}
