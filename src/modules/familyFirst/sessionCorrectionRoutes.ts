/**
 * @module Correcting or withdrawing a Family First session (issue 12): an amendment with a reason, merged field by
 * field if someone else corrected it meanwhile; withdrawing asks first.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../platform/http/httpError.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import { readDateField } from '../../platform/forms/dates.js';
import { presentErrors } from '../../platform/forms/errorSummary.js';
import { mergedNotice, presentClashes, reconcile, startedFrom, type Clash } from '../../platform/forms/versions.js';
import { askToConfirm, confirmed, fieldsToRepost } from '../../platform/forms/confirmation.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { tellNextPage } from '../../platform/http/flash.js';
import type { FamilySession, Involvement } from './familyFirst.js';
import type { Corrected, FamilyFirstService } from './familyFirstService.js';

const params = z.object({ involvementId: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/), sessionId: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/) });
const required = (max: number, missing: string, label: string) => z.string().trim().min(1, missing).max(max, `${label} must be ${max} characters or fewer`);
const correctionForm = z.object({
  who: required(500, 'Enter who took part', 'Who took part'),
  whatWasDone: required(4000, 'Enter what was done', 'What was done'),
  reason: required(1000, 'Enter why the session is being corrected', 'The reason'),
});
const withdrawForm = z.object({ withdrawReason: required(1000, 'Enter why the session is being withdrawn', 'The reason') });
const labels: Record<string, string> = { 'session-day': 'Day of the session', 'session-month': 'Month of the session', 'session-year': 'Year of the session', who: 'Who took part', whatWasDone: 'What was done' };
const notFound = () => new HttpError(404, 'There is no such session in this Family First involvement');

/** A session's fields as its correction form shows them. */
function sessionValues(session: FamilySession): FormValues {
  const [year = '', month = '', day = ''] = session.sessionDate.split('-');
  return { 'session-day': String(Number(day)), 'session-month': String(Number(month)), 'session-year': year, who: session.who, whatWasDone: session.whatWasDone };
}

/** @example await sessionCorrectionRoutes(app, { familyFirst }) */
export async function sessionCorrectionRoutes(app: FastifyInstance, services: { familyFirst: FamilyFirstService }): Promise<void> {
  const work = { config: { access: { permission: 'familyFirst:work' as const } } };

  async function sessionOf(request: FastifyRequest) {
    const parsed = params.safeParse(request.params);
    if (!parsed.success) throw notFound();
    // Issue 16 item 5: the form names the child, so showing it (GET) is audited as one view; a refusal always.
    const found = await services.familyFirst.session(request.user!, parsed.data.involvementId, parsed.data.sessionId, request.method === 'GET' ? request.routeOptions.url : undefined);
    if (found.outcome === 'forbidden') throw new HttpError(403, "This family is not on your caseload or your team's.");
    if (found.outcome === 'not_found') throw notFound();
    return found;
  }

  function page(reply: FastifyReply, involvement: Involvement, session: FamilySession, values: FormValues, errors: FieldErrors, clashes: readonly Clash[] = []) {
    const ids = { involvementId: involvement.involvementId, sessionId: session.sessionId };
    if (Object.keys(errors).length || clashes.length) reply.code(clashes.length ? 409 : 422);
    reply.header('cache-control', 'no-store');
    return reply.view('familyFirst/views/correctSession.njk', {
      title: 'Correct a Family First session',
      form: {
        heading: `Correct the session of ${longDateOf(session.sessionDate)}`,
        childName: involvement.childName,
        backHref: paths.familyFirst.show({ involvementId: involvement.involvementId }),
        action: paths.familyFirst.correctSession(ids),
        withdrawAction: paths.familyFirst.withdrawSession(ids),
        version: String(session.version),
        clashes: presentClashes(clashes),
        values,
        ...presentErrors(errors, ['session-day', 'who', 'whatWasDone', 'reason', 'withdrawReason']),
      },
    });
  }

  /** Back to the involvement with a message, or the form again with why it was refused. */
  function answer(request: FastifyRequest, reply: FastifyReply, result: Corrected, done: string, again: (errors: FieldErrors) => unknown, field: string) {
    if (result.outcome === 'forbidden') throw new HttpError(403, "This family is not on your caseload or your team's.");
    if (result.outcome === 'not_found') throw notFound();
    if (result.outcome === 'before_start') return again({ 'session-day': 'The date must be on or after the day the involvement started' });
    if (result.outcome === 'stale') return again({ [field]: 'Someone else changed this session at the same moment. Check it and try again.' });
    tellNextPage(request, done);
    return reply.redirect(paths.familyFirst.show({ involvementId: (request.params as { involvementId: string }).involvementId }), 303);
  }

  app.get(paths.familyFirst.correctSession.pattern, work, async (request, reply) => {
    const { involvement, session } = await sessionOf(request);
    const shown = sessionValues(session);
    return page(reply, involvement, session, { ...shown, ...startedFrom({ version: session.version, values: shown }) }, {});
  });

  app.post(paths.familyFirst.correctSession.pattern, work, async (request, reply) => {
    const { involvement, session } = await sessionOf(request);
    const now = { version: session.version, values: sessionValues(session) };
    const settled = reconcile(postedValues(request.body), labels, now);
    const values = { ...settled.values, ...startedFrom(now) };
    const again = (errors: FieldErrors, clashes: readonly Clash[] = []) => page(reply, involvement, session, values, errors, clashes);
    if (settled.outcome === 'clash') return again({}, settled.clashes);
    const parsed = correctionForm.safeParse(values);
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
    const sessionDate = readDateField(values, 'session', 'Date of the session', errors, todayIso());
    if (!parsed.success || !sessionDate || Object.keys(errors).length) return again(errors);
    const { reason, ...details } = parsed.data;
    const result = await services.familyFirst.correctSession(request.user!, involvement.involvementId, session.sessionId, { sessionDate, ...details }, reason, session.version);
    return answer(request, reply, result, mergedNotice('Session corrected', settled.outcome === 'merged' ? settled.theirs : []), again, 'reason');
  });

  app.post(paths.familyFirst.withdrawSession.pattern, work, async (request, reply) => {
    const { involvement, session } = await sessionOf(request);
    const body = postedValues(request.body);
    const shown = sessionValues(session);
    const again = (errors: FieldErrors) => page(reply, involvement, session, { ...shown, ...startedFrom({ version: session.version, values: shown }), withdrawReason: body.withdrawReason ?? '' }, errors);
    const parsed = withdrawForm.safeParse(body);
    if (!parsed.success) return again(fieldErrors(parsed.error.issues));
    const version = Number(body._version);
    if (!Number.isInteger(version) || version !== session.version) return again({ withdrawReason: 'Someone else changed this session meanwhile. Check it and withdraw again.' });
    if (!confirmed(request.body)) {
      return askToConfirm(reply, {
        question: 'Withdraw this session?',
        details: [`${longDateOf(session.sessionDate)}, with ${session.who}: ${session.whatWasDone}`, `Why: ${parsed.data.withdrawReason}`],
        consequence: 'It will no longer count anywhere (the caseload’s last session, the chronology). It stays in the involvement’s corrections with your reason.',
        action: paths.familyFirst.withdrawSession({ involvementId: involvement.involvementId, sessionId: session.sessionId }),
        confirmText: 'Yes, withdraw it',
        backHref: paths.familyFirst.correctSession({ involvementId: involvement.involvementId, sessionId: session.sessionId }),
        fields: fieldsToRepost(request.body),
      });
    }
    const result = await services.familyFirst.withdrawSession(request.user!, involvement.involvementId, session.sessionId, parsed.data.withdrawReason, version);
    return answer(request, reply, result, 'Session withdrawn', again, 'withdrawReason');
  });
}
