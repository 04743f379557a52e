/** @module Thin handlers for a Family First involvement: see it, set the plan, add sessions and feedback, step up or down. */
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
import { involvementEndings } from '../../platform/codes/referralCodes.js';
import type { FamilyFirstService } from './familyFirstService.js';
import { tellNextPage } from '../../platform/http/flash.js';

/** What familyFirstRoutes needs from the composition root. */
export interface FamilyFirstRoutesNeeds {
  familyFirst: FamilyFirstService;
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
  ending: z.enum(involvementEndings.filter((e) => e !== 'closed') as ['step_up', 'step_down'], { error: 'Select step up or step down' }),
  endingNotes: z.string().trim().max(2000, 'Notes must be 2000 characters or fewer').transform((v) => v || null),
});

/** @example await familyFirstRoutes(app, services) */
export async function familyFirstRoutes(app: FastifyInstance, services: FamilyFirstRoutesNeeds): Promise<void> {
  const work = { config: { access: { permission: 'familyFirst:work' as const } } };

  function idOf(request: FastifyRequest): string {
    const parsed = params.safeParse(request.params);
    if (!parsed.success) throw new HttpError(404, 'There is no Family First involvement with that id');
    return parsed.data.involvementId;
  }

  async function show(request: FastifyRequest, reply: FastifyReply, values: FormValues = {}, errors: FieldErrors = {}) {
    const view = await services.familyFirst.view(request.user!, idOf(request));
    if (view.outcome !== 'shown') {
      throw view.outcome === 'not_found'
        ? new HttpError(404, 'There is no Family First involvement with that id')
        : new HttpError(403, "This family is not on your caseload or your team's. Ask your team manager if you need to see this record.");
    }
    const involvement = presentInvolvement(view.record, values, errors);
    reply.header('cache-control', 'no-store');
    if (Object.keys(errors).length) reply.code(422);
    return reply.view('familyFirst/views/show.njk', { title: involvement.heading, involvement });
  }

  /** Send the person back to the page after a change, or show why it was refused. */
  async function after(request: FastifyRequest, reply: FastifyReply, result: Changed, body: FormValues, dateField: string, done: string) {
    if (result.outcome === 'not_found') throw new HttpError(404, 'There is no Family First involvement with that id');
    if (result.outcome === 'forbidden') throw new HttpError(403, "This family is not on your caseload or your team's.");
    if (result.outcome === 'ended') throw new HttpError(409, 'This involvement has ended; it can no longer be changed');
    if (result.outcome === 'before_start') return show(request, reply, body, { [dateField]: 'The date must be on or after the day the involvement started' });
    tellNextPage(request, done);
    return reply.redirect(paths.familyFirst.show({ involvementId: idOf(request) }), 303);
  }

  app.get(paths.familyFirst.show.pattern, work, async (request, reply) => show(request, reply));

  app.post(paths.familyFirst.plan.pattern, work, async (request, reply) => {
    const body = postedValues(request.body);
    const parsed = planForm.safeParse(body);
    if (!parsed.success) return show(request, reply, body, fieldErrors(parsed.error.issues));
    return after(request, reply, await services.familyFirst.setPlan(request.user!, idOf(request), parsed.data.plan), body, 'plan', 'Plan saved');
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

  app.post(paths.familyFirst.end.pattern, work, async (request, reply) => {
    const body = postedValues(request.body);
    const parsed = endForm.safeParse(body);
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
    const endedDate = readDateField(body, 'ended', 'Date of the step', errors, todayIso());
    if (!parsed.success || !endedDate || Object.keys(errors).length) return show(request, reply, body, errors);
    return after(request, reply, await services.familyFirst.end(request.user!, idOf(request), { endedDate, ending: parsed.data.ending, notes: parsed.data.endingNotes }), body, 'ended-day', 'Involvement ended');
  });
}
