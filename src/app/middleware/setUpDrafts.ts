/**
 * @module Drafts for every form alike: a kept draft is laid over the form values of the page it was typed on
 * (platform/forms/drafts/giveBack.ts), and used up once a form on that page is saved.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../composition.js';
import { withDraft } from '../../platform/forms/drafts/giveBack.js';
import { giveBackChoices } from '../../platform/forms/drafts/giveBackChoices.js';
import { refererPath } from '../../platform/http/returnPaths.js';
import { isSaved } from '../../platform/http/postRedirectGet.js';

/**
 * Register the give-back (GET of a page with a kept draft) and the use-up (a successful POST from that page).
 * Runs after setUpAuthentication, which finds the draft for the page (`request.draft`).
 * @example await setUpDrafts(app, services)
 */
export async function setUpDrafts(app: FastifyInstance, services: Services): Promise<void> {
  app.addHook('preHandler', async (request, reply) => {
    const draft = request.draft;
    if (!draft) return;
    const view = reply.view.bind(reply) as (page: string, data?: object) => FastifyReply;
    const givingBack = (page: string, data?: object) => view(page, withDraft(data ?? {}, draft));
    reply.view = givingBack as FastifyReply['view'];
  });

  // Choices (radios, checkboxes, selects) are often built into items before the view is drawn: set them again on the
  // page as drawn, so a kept draft gives back every choice as well as every word.
  app.addHook('onSend', async (request, reply, payload) => {
    const draft = request.draft;
    if (!draft || request.method !== 'GET' || typeof payload !== 'string') return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    return giveBackChoices(payload, draft);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const user = request.user;
    const access = request.routeOptions.config.access;
    if (request.method !== 'POST' || !user || !isSaved(reply.statusCode) || (access && 'public' in access)) return payload;
    if (!request.session.get('draftsPending')) return payload;
    const pages = new Set([refererPath(request), request.url].filter((page): page is string => !!page));
    for (const page of pages) await services.drafts.useUp(user.userId, page);
    return payload;
  });
}
