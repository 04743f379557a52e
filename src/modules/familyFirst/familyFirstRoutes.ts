/** @module Thin handlers for a Family First involvement: see it, set the plan (versioned), add sessions and feedback, step up, step down or close. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../platform/http/httpError.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import { readDateField } from '../../platform/forms/dates.js';
import type { Changed } from './familyFirstService.js';
import { presentInvolvement } from './familyFirstPresenter.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import { closureReasons } from '../../platform/codes/referralCodes.js';
import type { FamilyFirstService } from './familyFirstService.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { mergedNotice, reconcile, startedFrom, type Clash } from '../../platform/forms/versions.js';
import { endingFor } from './familyFirst.js';
import { sessionCorrectionRoutes } from './sessionCorrectionRoutes.js';
import type { ChildService } from '../children/childService.js';

/** What familyFirstRoutes needs from the composition root. */
export interface FamilyFirstRoutesNeeds {
  familyFirst: FamilyFirstService;
  children: ChildService;
}

const params = z.object({ involvementId: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/) });
const required = (max: number, missing: string, label: string) => z.string().trim().min(1, missing).max(max, `${label} must be ${max} characters or fewer`);

const planForm = z.object({ plan: required(4000, 'Enter the family’s plan', 'The plan') });
const sessionForm = z.object({
  who: required(500, 'Enter who took part', 'Who took part'),
  whatWasDone: required(4000, 'Enter what was done', 'What was done'),
});
const feedbackForm = z.object({
  words: required(4000, 'Enter what the family said', 'What the family said'),
  consentToQuote: z.enum(['yes', 'no'], { error: 'Select whether the family agree to be quoted' }),
});
const endForm = z.object({
  reason: z.enum(closureReasons, { error: 'Select how the involvement ends' }),
  stepUpTeam: z.string().trim().max(100).optional().transform((v) => v || null),
  endingNotes: z.string().trim().max(2000, 'The reason must be 2000 characters or fewer').optional().transform((v) => v || null),
});
const staleMessage = 'Someone else saved the plan at the same moment. Check it and save again.';

/** @example await familyFirstRoutes(app, services) */
export async function familyFirstRoutes(app: FastifyInstance, services: FamilyFirstRoutesNeeds): Promise<void> {
  const work = { config: { access: { permission: 'familyFirst:work' as const } } };

  function idOf(request: FastifyRequest): string {
    const parsed = params.safeParse(request.params);
    if (!parsed.success) throw new HttpError(404, 'There is no Family First involvement with that id');
    return parsed.data.involvementId;
  }

  async function viewOf(request: FastifyRequest) {
    const view = await services.familyFirst.view(request.user!, idOf(request));
    if (view.outcome !== 'shown') {
      throw view.outcome === 'not_found'
        ? new HttpError(404, 'There is no Family First involvement with that id')
        : new HttpError(403, "This family is not on your caseload or your team's. Ask your team manager if you need to see this record.");
    }
    return view.record;
  }

  async function show(request: FastifyRequest, reply: FastifyReply, values: FormValues = {}, errors: FieldErrors = {}, clashes: Clash[] = []) {
    const record = await viewOf(request);
    const teams = record.involvement.endedDate === null ? await services.familyFirst.stepUpTeams(record.involvement) : [];
    const involvement = presentInvolvement(record, values, errors, clashes, teams);
    reply.header('cache-control', 'no-store');
    if (Object.keys(errors).length || clashes.length) reply.code(clashes.length ? 409 : 422);
    return reply.view('familyFirst/views/show.njk', { title: involvement.heading, involvement });
  }

  /** Send the person back to the page after a change, or show why it was refused. */
  async function after(request: FastifyRequest, reply: FastifyReply, result: Changed, body: FormValues, dateField: string, done: string) {
    if (result.outcome === 'not_found') throw new HttpError(404, 'There is no Family First involvement with that id');
    if (result.outcome === 'forbidden') throw new HttpError(403, "This family is not on your caseload or your team's.");
    if (result.outcome === 'ended') throw new HttpError(409, 'This involvement has ended; it can no longer be changed');
    if (result.outcome === 'before_start') return show(request, reply, body, { [dateField]: 'The date must be on or after the day the involvement started' });
    if (result.outcome === 'stale') return show(request, reply, body, { plan: staleMessage });
    if (result.outcome === 'unknown_team') return show(request, reply, body, { stepUpTeam: 'Select the statutory team to refer the family to' });
    tellNextPage(request, done);
    return reply.redirect(paths.familyFirst.show({ involvementId: idOf(request) }), 303);
  }

  app.get(paths.familyFirst.show.pattern, work, async (request, reply) => show(request, reply));

  // The plan is versioned: saved over someone else's change, it is merged (a clash shows both to choose from).
  app.post(paths.familyFirst.plan.pattern, work, async (request, reply) => {
    const { involvement } = await viewOf(request);
    const now = { version: involvement.version, values: { plan: involvement.plan ?? '' } };
    const settled = reconcile(postedValues(request.body), { plan: 'The plan' }, now);
    const values = { ...settled.values, ...startedFrom(now) };
    if (settled.outcome === 'clash') return show(request, reply, values, {}, settled.clashes);
    const parsed = planForm.safeParse(values);
    if (!parsed.success) return show(request, reply, values, fieldErrors(parsed.error.issues));
    const result = await services.familyFirst.setPlan(request.user!, involvement.involvementId, parsed.data.plan, involvement.version);
    return after(request, reply, result, values, 'plan', mergedNotice('Plan saved', settled.outcome === 'merged' ? settled.theirs : []));
  });

  app.post(paths.familyFirst.sessions.pattern, work, async (request, reply) => {
    const body = postedValues(request.body);
    const parsed = sessionForm.safeParse(body);
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
    const sessionDate = readDateField(body, 'session', 'Date of the session', errors, todayIso());
    if (!parsed.success || !sessionDate || Object.keys(errors).length) return show(request, reply, body, errors);
    return after(request, reply, await services.familyFirst.addSession(request.user!, idOf(request), { sessionDate, ...parsed.data }), body, 'session-day', 'Session recorded');
  });

  app.post(paths.familyFirst.feedback.pattern, work, async (request, reply) => {
    const body = postedValues(request.body);
    const parsed = feedbackForm.safeParse(body);
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
    const givenDate = readDateField(body, 'given', 'Date the family said this', errors, todayIso());
    if (!parsed.success || !givenDate || Object.keys(errors).length) return show(request, reply, body, errors);
    const feedback = { givenDate, words: parsed.data.words, consentToQuote: parsed.data.consentToQuote === 'yes' };
    return after(request, reply, await services.familyFirst.addFeedback(request.user!, idOf(request), feedback), body, 'given-day', 'Feedback recorded');
  });

  // Step up, step down or close: the reason said once ends the involvement and closes its case together.
  app.post(paths.familyFirst.end.pattern, work, async (request, reply) => {
    const body = postedValues(request.body);
    const parsed = endForm.safeParse(body);
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
    const endedDate = readDateField(body, 'ended', 'Date the involvement ends', errors, todayIso());
    if (parsed.success && endingFor(parsed.data.reason) === 'step_up') {
      if (!parsed.data.stepUpTeam) errors.stepUpTeam = 'Select the statutory team to refer the family to';
      if (!parsed.data.endingNotes) errors.endingNotes = 'Enter why the family needs statutory social work';
    }
    if (!parsed.success || !endedDate || Object.keys(errors).length) return show(request, reply, body, errors);
    const steppingUp = endingFor(parsed.data.reason) === 'step_up';
    const ending = { endedDate, reason: parsed.data.reason, notes: parsed.data.endingNotes, stepUpTeam: steppingUp ? parsed.data.stepUpTeam : null };
    const result = await services.familyFirst.end(request.user!, idOf(request), ending);
    if (result.outcome !== 'changed' || !result.childId) return after(request, reply, result, body, 'ended-day', '');
    tellNextPage(request, steppingUp ? `Stepped up: the referral is in the ${ending.stepUpTeam} tray, and the Family First case is closed` : 'Involvement ended and the case closed');
    // The closed case may take the family off this person's caseload: then they land on their own work.
    const stillOpen = await services.children.mayAccess(request.user!, result.childId);
    return reply.redirect(stillOpen ? paths.children.show({ childId: result.childId }) : paths.caseloads.mine(), 303);
  });

  await sessionCorrectionRoutes(app, services);
}
