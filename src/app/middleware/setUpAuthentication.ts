/**
 * @module Who is signed in: reads the session, ends it after the idle timeout, and keeps what the
 * person was submitting as a draft so that nothing they typed is lost.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.js';
import type { Services } from '../../composition.js';
import { paths } from '../../platform/http/paths.js';
import { pageDraft } from '../../platform/forms/drafts/draft.js';
import { refererPath, safeReturnPath } from '../../platform/http/returnPaths.js';

/**
 * What to keep from a request that arrived after the session timed out: the page script's draft
 * (`/session/draft`) as sent, or any other form's fields, kept against the page the form was on.
 */
function lateDraft(request: FastifyRequest, returnTo: string): { path: string; fields: Record<string, unknown> } | undefined {
  if (request.method !== 'POST' || !request.body || typeof request.body !== 'object') return undefined;
  if (request.routeOptions.url === paths.session.draft()) {
    const parsed = pageDraft.safeParse(request.body);
    const path = parsed.success ? safeReturnPath(parsed.data.path) : undefined;
    return parsed.success && path ? { path, fields: parsed.data.fields } : undefined;
  }
  return { path: returnTo, fields: request.body as Record<string, unknown> };
}

/**
 * The draft kept for this page, if any (it stays kept until the form is saved or the draft discarded: see
 * setUpDrafts). Whether the person has drafts at all is remembered in the session, sparing every page a query.
 */
async function keptDraft(request: FastifyRequest, services: Services, userId: string) {
  let pending = request.session.get('draftsPending');
  if (pending === undefined) {
    pending = await services.drafts.hasAny(userId);
    request.session.set('draftsPending', pending);
  }
  return pending ? services.drafts.findFor(userId, request.url) : undefined;
}

/**
 * Sets `request.user` from the session; ends a session idle for longer than the timeout (keeping a form
 * sent after it as a draft); renews the session on every other request; restores a draft to its page.
 * @example await setUpAuthentication(app, config, services)
 */
export async function setUpAuthentication(app: FastifyInstance, config: Config, services: Services): Promise<void> {
  // The page script's own calls: their answer must not end the session, so the page can still send its draft.
  const timerChecks = new Set<string>([paths.session.status(), paths.session.keepAlive()]);
  app.addHook('preHandler', async (request, reply) => {
    const sessionId = request.session.get('sessionId');
    if (!sessionId) return;
    // The sessions table decides: ended (signed out, everywhere, account disabled), idle, or past its lifetime. The
    // session's account is read at the same time (one round trip, not two) and counts only for an active session.
    const [session, account] = await Promise.all([
      services.sessions.resolve(sessionId, { touch: request.routeOptions.url !== paths.session.status() }),
      services.users.findBySession(sessionId),
    ]);
    const idle = session.outcome === 'idle';
    const userId = session.outcome === 'ended' ? undefined : session.userId;
    const user = session.outcome === 'active' && account?.userId === session.userId ? account : undefined;
    if (session.outcome === 'active' && !user) await services.sessions.end(sessionId, 'account_disabled');
    if (!user) {
      const route = request.routeOptions.url ?? '';
      if (idle && timerChecks.has(route)) return reply.code(401).send({ signedIn: false });
      if (idle) await services.sessions.end(sessionId, 'idle');
      const background = route.startsWith('/session/');
      const returnTo = request.method === 'GET' && !background ? request.url : (refererPath(request) ?? (background ? paths.home() : request.url));
      const access = request.routeOptions.config.access;
      const isPublic = !!access && 'public' in access;
      const draft = idle && !isPublic ? lateDraft(request, returnTo) : undefined;
      if (draft && userId) await services.drafts.keep(userId, draft.path, draft.fields);
      // regenerate(), not delete(): a deleted session's cookie is cleared whatever is set after, and the
      // message, the way back and a fresh CSRF secret for the sign-in form must all survive.
      request.session.regenerate();
      if (isPublic) return;
      request.session.set('returnTo', draft?.path ?? returnTo);
      request.session.set('signInReason', idle ? 'idle' : 'session_ended');
      if (request.headers.accept?.includes('application/json')) return reply.code(401).send({ signedIn: false });
      return reply.redirect(paths.signIn.show(), 303);
    }
    request.user = user;
    if (session.outcome === 'active') request.sessionTimes = { lastSeenAt: session.lastSeenAt, expiresAt: session.expiresAt };
    if (request.method === 'GET') request.draft = await keptDraft(request, services, user.userId);
  });
}
