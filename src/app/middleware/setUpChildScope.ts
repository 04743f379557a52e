/**
 * @module Scope on every path that takes a child id: any route whose pattern has `:childId` first passes the same
 * check as the child's page (childService.guard), so a route added later is covered without remembering to.
 * A refusal is audited and answered the same whether or not the child exists. A page asked for by a merged-away id
 * is sent on to the same page of the surviving record, for someone who may open it (issue 13: merged ids redirect).
 * A record restricted to other people (issue 16, ADR 0044) sends a page to its break-glass page and refuses a form;
 * the break-glass page itself is the one route a restriction does not close.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { HttpError, recordRefused } from '../../platform/http/httpError.js';
import { isRecordId } from '../../platform/http/parameters.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { paths } from '../../platform/http/paths.js';

/** The answer to a form posted to a restricted record by someone not named on it (who has not broken the glass). */
export const restrictedRecord = () => new HttpError(403, 'This record is restricted. Open it from its page, giving your reason, if you need to.');

/** The request's own address with the child's id in its path replaced by another. */
export function addressWithChild(url: string, childId: string, keptId: string): string {
  const [path = '', query] = url.split(/\?(.*)/s, 2);
  const segments = path.split('/').map((segment) => (decodeURIComponent(segment) === childId ? encodeURIComponent(keptId) : segment));
  return segments.join('/') + (query !== undefined ? `?${query}` : '');
}

const readsAPage = (request: FastifyRequest): boolean => request.method === 'GET' || request.method === 'HEAD';

export async function setUpChildScope(app: FastifyInstance, services: Pick<Services, 'children' | 'childMerges'>): Promise<void> {
  app.addHook('preHandler', async (request, reply) => {
    const pattern = request.routeOptions.url;
    if (!request.user || !pattern?.includes(':childId')) return;
    const childId = (request.params as Record<string, unknown>).childId;
    if (!isRecordId(childId)) throw new HttpError(400, 'That is not a Cairn id');
    // The merged-id look-up and the access check's reads go together (one wait, not two); a refusal is audited only
    // once it is known the id was not merged away (a merged id is answered by sending the reader on).
    const [kept, reached] = await Promise.all([
      readsAPage(request) ? services.childMerges.survivingRecord(request.user, childId) : undefined,
      services.children.reach(request.user, childId),
    ]);
    if (kept) {
      tellNextPage(request, `The record ${childId} was merged into this one: you have been brought here instead`);
      return reply.redirect(addressWithChild(request.url, childId, kept), 301);
    }
    const breakGlass = request.routeOptions.config.breakGlass === true;
    const access = await services.children.settleAccess(request.user, childId, `${request.method} ${pattern}`, reached, { auditRestricted: !breakGlass });
    if (access === 'refused') throw recordRefused();
    if (access === 'missing') throw new HttpError(404, 'There is no child with that id');
    if (access === 'restricted' && !breakGlass) {
      if (!readsAPage(request)) throw restrictedRecord();
      return reply.redirect(paths.children.breakGlass({ childId }, { next: request.url }), 303);
    }
  });
}
