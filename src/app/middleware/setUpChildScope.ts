/**
 * @module Scope on every path that takes a child id: any route whose pattern has `:childId` first passes the same
 * check as the child's page (childService.guard), so a route added later is covered without remembering to.
 * A refusal is audited and answered the same whether or not the child exists.
 */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';
import { HttpError, recordRefused } from '../../platform/http/httpError.js';
import { isRecordId } from '../../platform/http/parameters.js';

export async function setUpChildScope(app: FastifyInstance, services: Pick<Services, 'children'>): Promise<void> {
  app.addHook('preHandler', async (request) => {
    const pattern = request.routeOptions.url;
    if (!request.user || !pattern?.includes(':childId')) return;
    const childId = (request.params as Record<string, unknown>).childId;
    if (!isRecordId(childId)) throw new HttpError(400, 'That is not a Cairn id');
    if (!(await services.children.guard(request.user, childId, `${request.method} ${pattern}`))) throw recordRefused();
  });
}
