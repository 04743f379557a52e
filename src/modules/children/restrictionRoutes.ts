/**
 * @module Thin handlers for restricting a child's record to named people and removing the restriction (issue 16,
 * ADR 0044). The child-scope hook has already checked the record is open to this person.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import { fieldErrors, type FieldErrors } from '../../platform/forms/fieldErrors.js';
import { presentErrors } from '../../platform/forms/errorSummary.js';
import { askToConfirm, confirmed } from '../../platform/forms/confirmation.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { dateTimeOf } from '../../platform/dates/formats.js';
import type { RestrictionService } from './restrictionService.js';

/** What restrictionRoutes needs from the composition root. */
export interface RestrictionRoutesNeeds {
  restrictions: RestrictionService;
}

const childParams = z.object({ childId: z.string() });
const restrictForm = z.object({
  reason: z.string().trim().min(1, 'Enter why this record is restricted').max(1000, 'The reason must be 1000 characters or fewer'),
});

/** The people ticked: one checkbox posts a string, several an array. */
function peopleTicked(body: unknown): string[] {
  const people = (body as Record<string, unknown> | undefined)?.people;
  return (Array.isArray(people) ? people : [people]).filter((value): value is string => typeof value === 'string' && value !== '');
}

/** @example await restrictionRoutes(app, services) */
export async function restrictionRoutes(app: FastifyInstance, services: RestrictionRoutesNeeds): Promise<void> {
  const access = { config: { access: { permission: 'child:restrict' as const } } };

  async function show(request: FastifyRequest, reply: FastifyReply, childId: string, values?: FormValues, people?: string[], errors: FieldErrors = {}) {
    const restriction = await services.restrictions.restrictionOf(request.user!, childId);
    const ticked = new Set(people ?? restriction?.people.map((person) => person.userId) ?? []);
    const accounts = await services.restrictions.accounts();
    if (Object.keys(errors).length) reply.code(422);
    reply.header('cache-control', 'no-store');
    return reply.view('children/views/restriction.njk', {
      title: restriction ? 'Restricted record' : 'Restrict this record',
      restriction: {
        childId,
        childHref: paths.children.show({ childId }),
        action: paths.children.restriction({ childId }),
        removeAction: paths.children.removeRestriction({ childId }),
        current: restriction && {
          since: dateTimeOf(restriction.restrictedAt),
          by: restriction.restrictedBy,
          reason: restriction.reason,
          people: restriction.people.map((person) => `${person.name} (${person.username})`),
        },
        values: values ?? { reason: restriction?.reason ?? '' },
        people: accounts
          .filter((account) => account.userId !== request.user!.userId)
          .map((account) => ({ value: account.userId, text: account.name, hint: { text: account.username }, checked: ticked.has(account.userId) })),
        ...presentErrors(errors, ['reason', 'people']),
      },
    });
  }

  app.get(paths.children.restriction.pattern, access, async (request, reply) => show(request, reply, childParams.parse(request.params).childId));

  app.post(paths.children.restriction.pattern, access, async (request, reply) => {
    const { childId } = childParams.parse(request.params);
    const values = postedValues(request.body);
    const people = peopleTicked(request.body);
    const parsed = restrictForm.safeParse(values);
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
    if (people.length === 0) errors.people = 'Choose the people who may open this record';
    if (!parsed.success || Object.keys(errors).length) return show(request, reply, childId, values, people, errors);
    const result = await services.restrictions.restrict(request.user!, childId, { reason: parsed.data.reason, userIds: people });
    if (result.outcome === 'unknown_people') return show(request, reply, childId, values, people, { people: 'Choose people from the list' });
    tellNextPage(request, 'Record restricted to the people chosen');
    return reply.redirect(paths.children.restriction({ childId }), 303);
  });

  app.post(paths.children.removeRestriction.pattern, access, async (request, reply) => {
    const { childId } = childParams.parse(request.params);
    if (!confirmed(request.body)) {
      return askToConfirm(reply, {
        question: 'Remove the restriction on this record?',
        details: [`Cairn id ${childId}.`],
        consequence: 'Everyone whose caseload or team the child is on will be able to open the record again. The restriction stays in the audit trail.',
        action: paths.children.removeRestriction({ childId }),
        confirmText: 'Yes, remove the restriction',
        backHref: paths.children.restriction({ childId }),
      });
    }
    const removed = await services.restrictions.remove(request.user!, childId);
    tellNextPage(request, removed ? 'Restriction removed' : 'This record was not restricted');
    return reply.redirect(paths.children.show({ childId }), 303);
  });
}
