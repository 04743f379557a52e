/**
 * @module A form sent twice is saved once (ADR 0085): a second click, or a click again on a slow line, with or without
 * JavaScript, sends the same form's token again; that request is sent on to the page the first one sent the person to
 * (with its message) instead of saving again. Every form carries a token (`_submission`, drawn by `submissionToken()`).
 */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';
import { HttpError } from '../../platform/http/httpError.js';
import { isSaved } from '../../platform/http/postRedirectGet.js';
import { sentFields, sentToken } from '../../platform/forms/submissions/submissionToken.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The form token this request claimed as its first sending, settled when it is answered. */
    claimedSubmission?: string;
  }
}

/**
 * Runs after authentication (a token counts only for the person signed in) and the CSRF check.
 * @example await setUpRepeatedForms(app, services)
 */
export async function setUpRepeatedForms(app: FastifyInstance, services: Services): Promise<void> {
  app.addHook('preHandler', async (request, reply) => {
    const user = request.user;
    const token = request.method === 'POST' && user ? sentToken(request.body) : undefined;
    if (!user || !token) return;
    const turn = await services.submissions.claim(token, user.userId, request.url, sentFields(request.body));
    if (turn.kind === 'first') {
      if (turn.claimed) request.claimedSubmission = token;
      return;
    }
    if (turn.kind === 'still saving') {
      throw new HttpError(409, 'This form was sent twice, and the first is still being saved. Wait a moment, then open the record to check it was saved before sending it again.');
    }
    if (turn.notice) request.session.set('notice', turn.notice);
    return reply.redirect(turn.sentTo, 303);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const token = request.claimedSubmission;
    if (!token) return payload;
    request.claimedSubmission = undefined;
    const location = reply.getHeader('location');
    if (isSaved(reply.statusCode) && typeof location === 'string') {
      await services.submissions.saved(token, location, request.session.get('notice') || undefined);
    } else {
      await services.submissions.notSaved(token);
    }
    return payload;
  });
}
