/** @module Deny by default: every route must say who may reach it, and the signed-in user must hold that permission. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';
import { may } from '../../platform/access/access.js';
import { HttpError } from '../../platform/http/httpError.js';
import { paths } from '../../platform/http/paths.js';
import { isRecordId } from '../../platform/http/parameters.js';

export async function setUpAuthorisation(app: FastifyInstance, services: Pick<Services, 'audit'>): Promise<void> {
  app.addHook('preHandler', async (request, reply) => {
    if (request.is404) return; // the not-found page says nothing about what exists
    const access = request.routeOptions.config.access;
    if (access && 'public' in access) return;
    if (!request.user) {
      if (request.routeOptions.url) {
        request.session.set('returnTo', request.method === 'GET' ? request.url : paths.home());
      }
      return reply.redirect(paths.signIn.show(), 303);
    }
    if (!access) throw new HttpError(403, 'You do not have permission to see this page');
    if ('signedIn' in access) return;
    if (!may(request.user, access.permission)) {
      // A refusal of a request naming a child is itself a fact about that child's record: audited (issue 16).
      const childId = (request.params as Record<string, unknown> | undefined)?.childId;
      if (isRecordId(childId) && request.routeOptions.url?.includes(':childId')) {
        await services.audit.record({ kind: 'user', user: request.user }, {
          action: 'child.access_refused', childId, subject: `${request.method} ${request.routeOptions.url}`, details: { permission: access.permission },
        });
      }
      throw new HttpError(403, 'You do not have permission to see this page');
    }
  });
}
