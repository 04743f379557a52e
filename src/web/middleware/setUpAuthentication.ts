/**
 * @module Who is signed in: reads the session, ends it after the idle timeout, and keeps what the
 * person was submitting as a draft so that nothing they typed is lost.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Services } from '../../composition.js';
import { paths } from '../paths.js';

/** The same-origin path a request came from (the form's page), or undefined. */
export function refererPath(request: FastifyRequest): string | undefined {
  const referer = request.headers.referer;
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return url.host === request.headers.host ? url.pathname + url.search : undefined;
  } catch {
    return undefined;
  }
}

/** A path that is safe to redirect to after sign-in: local, not protocol-relative. */
export function safeReturnPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : undefined;
}

export async function setUpAuthentication(app: FastifyInstance, config: Config, services: Services): Promise<void> {
  const idleMs = config.idleTimeoutMinutes * 60_000;
  app.addHook('preHandler', async (request, reply) => {
    const userId = request.session.get('userId');
    if (!userId) return;
    const lastSeenAt = request.session.get('lastSeenAt') ?? 0;
    const idle = Date.now() - lastSeenAt > idleMs;
    const user = idle ? undefined : await services.users.findById(userId);
    if (!user) {
      // Session ended: keep a form they were submitting, then ask them to sign in again.
      const returnTo = request.method === 'GET' ? request.url : (refererPath(request) ?? request.url);
      if (request.method === 'POST' && idle && request.body && typeof request.body === 'object') {
        await services.drafts.keep(userId, returnTo, request.body as Record<string, unknown>);
      }
      request.session.delete();
      if (request.routeOptions.config.access && 'public' in request.routeOptions.config.access) return;
      request.session.set('returnTo', returnTo);
      request.session.set('flash', idle ? 'idle' : 'signed_out');
      if (request.headers.accept?.includes('application/json')) return reply.code(401).send({ signedIn: false });
      return reply.redirect(paths.signIn.show(), 303);
    }
    request.user = user;
    // Background status checks must not count as activity.
    if (request.routeOptions.url !== paths.session.status()) request.session.set('lastSeenAt', Date.now());
    if (request.method === 'GET') request.draft = await services.drafts.takeFor(user.userId, request.url);
  });
}
