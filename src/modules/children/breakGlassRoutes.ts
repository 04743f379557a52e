/**
 * @module Thin handlers for break-glass (issue 16, ADR 0044): the page a restricted record sends everyone not named on
 * it to, where giving a reason opens it to them for a while; and the list of openings service managers review.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { HttpError } from '../../platform/http/httpError.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import { fieldErrors, type FieldErrors } from '../../platform/forms/fieldErrors.js';
import { presentErrors } from '../../platform/forms/errorSummary.js';
import { safeReturnPath } from '../../platform/http/returnPaths.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { dateTimeOf } from '../../platform/dates/formats.js';
import { breakGlassHours, type RestrictionService } from './restrictionService.js';
import type { ChildService } from './childService.js';

/** What breakGlassRoutes needs from the composition root. */
export interface BreakGlassRoutesNeeds {
  restrictions: RestrictionService;
  children: ChildService;
}

const childParams = z.object({ childId: z.string() });
const openingParams = z.object({ openingId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/) });
const breakGlassForm = z.object({
  reason: z.string().trim().min(1, 'Enter why you need to open this record').max(1000, 'The reason must be 1000 characters or fewer'),
});

/** Where to go once the record is open: the page first asked for, if it is one of this child's, else the child's summary. */
function nextPage(childId: string, next: unknown): string {
  const summary = paths.children.show({ childId });
  const path = safeReturnPath(next);
  return path && (path === summary || path.startsWith(`${summary}/`) || path.startsWith(`${summary}?`)) ? path : summary;
}

/** @example await breakGlassRoutes(app, services) */
export async function breakGlassRoutes(app: FastifyInstance, services: BreakGlassRoutesNeeds): Promise<void> {
  // The child-scope hook checks scope on this page but lets a restriction through: this page is how it is opened.
  const breakGlass = { config: { access: { permission: 'child:view' as const }, breakGlass: true } };

  function show(reply: FastifyReply, childId: string, values: FormValues, errors: FieldErrors = {}) {
    if (Object.keys(errors).length) reply.code(422);
    return reply.view('children/views/breakGlass.njk', {
      title: 'This record is restricted',
      breakGlass: {
        childId,
        hours: breakGlassHours,
        action: paths.children.breakGlass({ childId }),
        values,
        ...presentErrors(errors, ['reason']),
      },
    });
  }

  /** The page asked for, or undefined once the record is open to this person (nothing to break). */
  async function restrictedChild(request: FastifyRequest): Promise<string | undefined> {
    const { childId } = childParams.parse(request.params);
    return (await services.children.closedByRestriction(request.user!, childId)) ? childId : undefined;
  }

  app.get(paths.children.breakGlass.pattern, breakGlass, async (request, reply) => {
    const query = postedValues(request.query);
    const childId = await restrictedChild(request);
    if (!childId) return reply.redirect(nextPage(childParams.parse(request.params).childId, query.next), 303);
    return show(reply, childId, { reason: '', next: nextPage(childId, query.next) });
  });

  app.post(paths.children.breakGlass.pattern, breakGlass, async (request, reply) => {
    const values = postedValues(request.body);
    const childId = await restrictedChild(request);
    if (!childId) return reply.redirect(nextPage(childParams.parse(request.params).childId, values.next), 303);
    const parsed = breakGlassForm.safeParse(values);
    if (!parsed.success) return show(reply, childId, { reason: values.reason ?? '', next: nextPage(childId, values.next) }, fieldErrors(parsed.error.issues));
    await services.restrictions.breakGlass(request.user!, childId, parsed.data.reason);
    tellNextPage(request, `This restricted record is open to you for ${breakGlassHours} hours. Your reason has been recorded for review.`);
    return reply.redirect(nextPage(childId, values.next), 303);
  });

  const review = { config: { access: { permission: 'child:restrict' as const } } };

  app.get(paths.restrictedRecords.breakGlassUses.pattern, review, async (_request, reply) => {
    const openings = await services.restrictions.openings();
    reply.header('cache-control', 'no-store');
    return reply.view('children/views/breakGlassUses.njk', {
      title: 'Break-glass openings of restricted records',
      openings: openings.map((opening) => ({
        who: `${opening.userName} (${opening.username})`,
        childId: opening.childId,
        childHref: paths.children.show({ childId: opening.childId }),
        when: dateTimeOf(opening.openedAt),
        until: dateTimeOf(opening.openUntil),
        reason: opening.reason,
        reviewed: opening.reviewedAt ? `Reviewed by ${opening.reviewedBy ?? 'someone'} on ${dateTimeOf(opening.reviewedAt)}` : undefined,
        reviewAction: paths.restrictedRecords.markReviewed({ openingId: opening.openingId }),
      })),
    });
  });

  app.post(paths.restrictedRecords.markReviewed.pattern, review, async (request, reply) => {
    const params = openingParams.safeParse(request.params);
    if (!params.success) throw new HttpError(404, 'There is no such break-glass opening');
    const marked = await services.restrictions.markReviewed(request.user!, params.data.openingId);
    tellNextPage(request, marked ? 'Marked as reviewed' : 'That opening was already reviewed');
    return reply.redirect(paths.restrictedRecords.breakGlassUses(), 303);
  });
}
