/** @module Thin handlers for merging a duplicate record into a child's record. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../platform/http/httpError.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import { presentErrors } from '../../platform/forms/errorSummary.js';
import type { MergeService } from './mergeService.js';
import type { ChildService } from './childService.js';
import { tellNextPage } from '../../platform/http/flash.js';

/** What mergeRoutes needs from the composition root. */
export interface MergeRoutesNeeds {
  childMerges: MergeService;
  children: ChildService;
}

const childParams = z.object({ childId: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/) });
const mergeForm = z.object({
  duplicateId: z.string().trim().min(1, 'Enter the Cairn id of the duplicate record').regex(/^[A-Za-z0-9._/-]{1,64}$/, 'A Cairn id is letters, numbers, full stops, hyphens, underscores or slashes'),
  reason: z.string().trim().min(1, 'Enter why these are the same child').max(1000, 'The reason must be 1000 characters or fewer'),
  confirm: z.literal('yes', { error: 'Confirm that both records are the same child' }),
});

/** @example await mergeRoutes(app, services) */
export async function mergeRoutes(app: FastifyInstance, services: MergeRoutesNeeds): Promise<void> {
  const access = { config: { access: { permission: 'child:merge' as const } } };

  async function show(request: FastifyRequest, reply: FastifyReply, values: FormValues = {}, errors: FieldErrors = {}) {
    const params = childParams.safeParse(request.params);
    if (!params.success) throw new HttpError(404, 'There is no child with that id');
    const view = await services.children.view(request.user!, params.data.childId);
    if (view.outcome === 'not_found') throw new HttpError(404, 'There is no child with that id');
    if (view.outcome === 'forbidden') throw new HttpError(403, "This child is not on your team's caseload.");
    const { child } = view.summary;
    if (Object.keys(errors).length) reply.code(422);
    return reply.view('children/views/merge.njk', {
      title: 'Merge a duplicate record',
      merge: {
        childName: [child.forename, child.surname].filter(Boolean).join(' ') || 'Name not recorded',
        childId: child.childId,
        childHref: paths.children.show({ childId: child.childId }),
        action: paths.children.merge({ childId: child.childId }),
        values,
        ...presentErrors(errors, ['duplicateId', 'reason', 'confirm']),
      },
    });
  }

  // A link from the "Possible duplicate records" panel names the duplicate (?duplicateId=…).
  app.get(paths.children.merge.pattern, access, async (request, reply) => {
    const duplicateId = postedValues(request.query).duplicateId;
    return show(request, reply, duplicateId ? { duplicateId } : {});
  });

  app.post(paths.children.merge.pattern, access, async (request, reply) => {
    const { childId } = childParams.parse(request.params);
    const body = postedValues(request.body);
    const parsed = mergeForm.safeParse(body);
    if (!parsed.success) return show(request, reply, body, fieldErrors(parsed.error.issues));
    const result = await services.childMerges.merge(request.user!, childId, parsed.data.duplicateId, parsed.data.reason);
    const problems: Record<Exclude<typeof result.outcome, 'merged'>, string> = {
      same_child: 'Enter the id of the other record, not this one',
      not_found: 'You cannot merge that record: check the Cairn id, or ask your manager',
      forbidden: 'You cannot merge that record: check the Cairn id, or ask your manager',
      conflict: 'These records cannot be one child’s: their placements or registrations overlap. Correct them first.',
    };
    if (result.outcome !== 'merged') return show(request, reply, body, { duplicateId: problems[result.outcome] });
    tellNextPage(request, `Records merged: ${parsed.data.duplicateId} is now part of this record`);
    return reply.redirect(paths.children.show({ childId }), 303);
  });
}
