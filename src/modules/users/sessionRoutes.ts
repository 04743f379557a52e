/**
 * @module The page's side of the idle timeout: how long is left, "stay signed in", and keeping what was typed
 * when the page's timer runs out.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { paths } from '../../platform/http/paths.js';
import { safeReturnPath } from '../../platform/http/returnPaths.js';
import { endSession } from './userSession.js';
import type { SessionService } from './sessionService.js';
import { pageDraft } from '../../platform/forms/drafts/draft.js';
import type { DraftService } from '../../platform/forms/drafts/draftService.js';
import type { Config } from '../../platform/config.js';
import { tellNextPage } from '../../platform/http/flash.js';

/** What sessionRoutes needs from the composition root. */
export interface SessionRoutesNeeds {
  config: Config;
  drafts: DraftService;
  sessions: SessionService;
}

/**
 * Seconds left before the session ends for want of activity (or sooner, at its absolute lifetime).
 * @example secondsLeft(request, 30) // 1800 just after a request
 */
export function secondsLeft(request: FastifyRequest, idleTimeoutMinutes: number): number {
  const { lastSeenAt, expiresAt } = request.sessionTimes ?? { lastSeenAt: 0, expiresAt: 0 };
  return Math.max(0, Math.floor((Math.min(lastSeenAt + idleTimeoutMinutes * 60_000, expiresAt) - Date.now()) / 1000));
}

/**
 * `/session/*`: JSON routes called by the page's script (see assets/js/idleTimeout.js).
 * @example await sessionRoutes(app, services)
 */
export async function sessionRoutes(app: FastifyInstance, services: SessionRoutesNeeds): Promise<void> {
  const { config } = services;

  // Does not count as activity (setUpAuthentication leaves lastSeenAt alone for it), so another tab's
  // activity can be seen without this tab's timer keeping the session alive by itself.
  app.get(paths.session.status.pattern, { config: { access: { signedIn: true } } }, async (request) => {
    return { signedIn: true, secondsLeft: secondsLeft(request, config.idleTimeoutMinutes) };
  });

  // Every signed-in request renews the session; this one exists only to do that.
  app.post(paths.session.keepAlive.pattern, { config: { access: { signedIn: true } } }, async (request) => {
    return { signedIn: true, secondsLeft: secondsLeft(request, config.idleTimeoutMinutes) };
  });

  // The page's timer ran out: keep the draft and end the session, as the server would a moment later.
  app.post(paths.session.draft.pattern, { config: { access: { signedIn: true } } }, async (request, reply) => {
    const parsed = pageDraft.safeParse(request.body);
    const path = parsed.success ? safeReturnPath(parsed.data.path) : undefined;
    if (!parsed.success || !path) return reply.code(400).send({ error: 'A draft needs the page’s local path and its fields' });
    const { fields } = parsed.data;
    await services.drafts.keep(request.user!.userId, path, fields);
    await endSession(request, services.sessions, 'idle', path);
    return { signedIn: false, signIn: paths.signIn.show() };
  });

  // "Discard what was kept": the form goes back to what is saved.
  app.post(paths.session.discardDraft.pattern, { config: { access: { signedIn: true } } }, async (request, reply) => {
    const path = safeReturnPath((request.body as { path?: unknown } | undefined)?.path);
    if (!path) return reply.code(400).view('pages/error.njk', { title: 'There is nothing to discard', message: 'Go back to the form and try again.' });
    await services.drafts.useUp(request.user!.userId, path);
    tellNextPage(request, 'What was kept has been discarded: the form shows what is saved');
    return reply.redirect(path, 303);
  });
}
