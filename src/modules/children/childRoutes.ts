/** @module Thin handlers for finding a child and opening their summary. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { may } from '../../platform/access/access.js';
import { HttpError } from '../../platform/http/httpError.js';
import { readDateInput } from '../../platform/forms/dates.js';
import { presentChildSummary, presentSearchResults } from './childPresenter.js';
import { presentPossibleDuplicates } from './likelyDuplicatesPresenter.js';
import type { ChildService } from './childService.js';

/** What childRoutes needs from the composition root. */
export interface ChildRoutesNeeds {
  children: ChildService;
}

const searchQuery = z.object({
  name: z.string().trim().max(100, 'Name or id must be 100 characters or fewer').optional().default(''),
  'dob-day': z.string().max(4).optional(),
  'dob-month': z.string().max(4).optional(),
  'dob-year': z.string().max(6).optional(),
});

const childParams = z.object({ childId: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/) });

export async function childRoutes(app: FastifyInstance, services: ChildRoutesNeeds): Promise<void> {
  app.get(paths.children.search.pattern, { config: { access: { permission: 'child:search' } } }, async (request, reply) => {
    const parsed = searchQuery.safeParse(request.query);
    const query = parsed.success ? parsed.data : { name: '', 'dob-day': '', 'dob-month': '', 'dob-year': '' };
    const errors: { href: string; text: string }[] = [];
    if (!parsed.success) errors.push({ href: '#name', text: parsed.error.issues[0]?.message ?? 'Check what you entered' });
    const dob = readDateInput('Date of birth', query['dob-day'], query['dob-month'], query['dob-year']);
    if (dob.error) errors.push({ href: '#dob-day', text: dob.error });
    const searched = Boolean(query.name || dob.date);
    const results = searched && errors.length === 0
      ? await services.children.search(request.user!, { text: query.name, dateOfBirth: dob.date, limit: 51 })
      : [];
    return reply.view('children/views/search.njk', {
      title: 'Find a child',
      values: query,
      errors,
      errorFor: Object.fromEntries(errors.map((e) => [e.href.slice(1), { text: e.text }])),
      searched: searched && errors.length === 0,
      results: presentSearchResults(results.slice(0, 50)),
      moreThanShown: results.length > 50,
      mayAdd: may(request.user, 'referral:record'),
    });
  });

  app.get(paths.children.show.pattern, { config: { access: { permission: 'child:view' } } }, async (request, reply) => {
    const params = childParams.safeParse(request.params);
    if (!params.success) throw new HttpError(404, 'There is no child with that id');
    const view = await services.children.view(request.user!, params.data.childId, { withPossibleDuplicates: true });
    if (view.outcome === 'not_found') throw new HttpError(404, 'There is no child with that id');
    if (view.outcome === 'forbidden') {
      throw new HttpError(403, "This child is not on your caseload or your team's. Ask your team manager if you need to see this record.");
    }
    reply.header('cache-control', 'no-store');
    const mayMerge = may(request.user, 'child:merge');
    const child = { ...presentChildSummary(view.summary, view.family), mayMerge, mayRefer: may(request.user, 'referral:record'), mayRestrict: may(request.user, 'child:restrict'), possibleDuplicates: presentPossibleDuplicates(view.summary.child.childId, view.possibleDuplicates ?? [], mayMerge) };
    return reply.view('children/views/summary.njk', { title: child.heading, child });
  });
}
