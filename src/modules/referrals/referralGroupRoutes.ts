/** @module Thin handlers for screening, deciding and allocating a sibling group together (issue 13, ADR 0022). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../platform/http/httpError.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import type { ReferralService } from './referralService.js';
import { childField, readGroupDecision } from './referralGroup.js';
import { groupStartValues, presentGroup } from './referralGroupPresenter.js';

const referralParams = z.object({ referralId: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/) });
const notFound = () => new HttpError(404, 'There is no referral with that id');
const refused = () => new HttpError(403, 'This referral was sent to another team. Ask that team’s manager if you need to see it.');

/** @example await referralGroupRoutes(app, services.referrals) */
export async function referralGroupRoutes(app: FastifyInstance, referrals: ReferralService): Promise<void> {
  const manage = { config: { access: { permission: 'referral:manage' as const } } };

  async function groupOf(request: FastifyRequest) {
    const params = referralParams.safeParse(request.params);
    if (!params.success) throw notFound();
    const view = await referrals.group(request.user!, params.data.referralId);
    if (view.outcome !== 'shown') throw view.outcome === 'not_found' ? notFound() : refused();
    if (view.members.length === 0) throw new HttpError(409, 'Every child referred with this one has been decided already');
    return view;
  }

  function show(reply: FastifyReply, view: Awaited<ReturnType<typeof groupOf>>, values: FormValues, errors: FieldErrors = {}) {
    reply.header('cache-control', 'no-store');
    if (Object.keys(errors).length) reply.code(422);
    const group = presentGroup(view, values, errors);
    return reply.view('referrals/views/group.njk', { title: group.heading, group });
  }

  app.get(paths.referrals.group.pattern, manage, async (request, reply) => {
    const view = await groupOf(request);
    return show(reply, view, groupStartValues(view.members));
  });

  app.post(paths.referrals.group.pattern, manage, async (request, reply) => {
    const view = await groupOf(request);
    const body = postedValues(request.body);
    // The children are those the form was shown with; if the group has changed since, the page is shown afresh.
    const shown = view.members.map((_, i) => body[childField(i + 1, 'ref')]);
    if (shown.some((id, i) => id !== view.members[i]!.referralId) || body[childField(view.members.length + 1, 'ref')]) {
      return show(reply, view, { ...body, ...groupStartValues(view.members) }, { [childField(1, 'except')]: 'The children still to decide have changed since you opened this page. Check them and save again.' });
    }
    const read = readGroupDecision(body, view.members.length, todayIso());
    if (!read.decision) return show(reply, view, body, read.errors);
    const result = await referrals.decideGroup(request.user!, view.referral.referralId, read.decision);
    if (result.outcome === 'not_found') throw notFound();
    if (result.outcome === 'forbidden') throw refused();
    if (result.outcome === 'problems') {
      // Problems about one child are keyed by their referral id: put them beside that child's exception.
      const errors: FieldErrors = {};
      for (const [key, problem] of Object.entries(result.problems)) {
        const n = view.members.findIndex((m) => m.referralId === key) + 1;
        errors[n > 0 ? childField(n, 'except') : key] = problem;
      }
      return show(reply, view, { ...body, ...groupStartValues(view.members) }, errors);
    }
    const allocated = result.allocated.length ? `, ${result.allocated.length} allocated and ${result.allocated.length === 1 ? 'a case' : 'cases'} opened` : '';
    tellNextPage(request, `${result.decided.length} ${result.decided.length === 1 ? 'referral' : 'referrals'} decided${allocated}`);
    return reply.redirect(paths.referrals.show({ referralId: view.referral.referralId }), 303);
  });
}
