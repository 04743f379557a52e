/** @module Thin handlers for correcting and withdrawing a child's registrations, de-registrations and planning meetings. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { paths } from '../../platform/http/paths.js';
import { HttpError } from '../../platform/http/httpError.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import { mergedNotice, reconcile, startedFrom, type Clash, type Versioned } from '../../platform/forms/versions.js';
import { askToConfirm, confirmed, fieldsToRepost } from '../../platform/forms/confirmation.js';
import { concern, meetingKind, meetingDecision } from '../../platform/codes/protectionCodes.js';
import { asList, readMeetingCorrection, readRegistrationCorrection, readWithdrawal } from './protectionForms.js';
import { meetingLabels, meetingValues, presentMeetingCorrection, presentRegistrationCorrection, presentWithdrawal, registrationLabels, registrationValues } from './protectionCorrectionPresenter.js';
import type { ChildRegistrations, ProtectionService } from './protectionService.js';
import type { ProtectionChange, ProtectionEvent, Registration } from './protection.js';

type Found = Extract<ChildRegistrations, { outcome: 'found' }>;
type Child = Found['child'];

/** What the correction routes borrow from protectionRoutes. */
export interface CorrectionRouteNeeds {
  protection: ProtectionService;
  childOf: (request: FastifyRequest) => Promise<Found>;
  answer: (request: FastifyRequest, reply: FastifyReply, childId: string, result: ProtectionChange, done: string, showAgain: (problems: Record<string, string>) => unknown) => unknown;
}

const record = { config: { access: { permission: 'care:record' as const } } };

/** A registration in a few words, for the withdrawal pages. */
const registrationWords = (r: Registration) =>
  `Registration on ${longDateOf(r.registeredDate)}${r.deregisteredDate ? `, de-registered on ${longDateOf(r.deregisteredDate)}` : ''}: ${r.concerns.map((c) => concern.label(c)).join(', ') || 'no areas of concern recorded'}`;
const meetingWords = (m: ProtectionEvent) => `${meetingKind.label(m.kind)} planning meeting on ${longDateOf(m.date)}: ${meetingDecision.label(m.decision)}`;

/**
 * `…/protection/registrations/:registrationId/correct|withdraw|withdraw-deregistration` and
 * `…/protection/meetings/:meetingId/correct|withdraw` (`care:record`). Withdrawing asks for a reason, then to confirm.
 * @example await protectionCorrectionRoutes(app, { protection, childOf, answer })
 */
export async function protectionCorrectionRoutes(app: FastifyInstance, needs: CorrectionRouteNeeds): Promise<void> {
  const { protection, childOf, answer } = needs;

  async function registrationOf(request: FastifyRequest) {
    const found = await childOf(request);
    const { registrationId } = request.params as { registrationId?: string };
    const registration = found.registrations.find((r) => r.registrationId === registrationId);
    if (!registration) throw new HttpError(404, 'There is no such registration for this child');
    return { ...found, registration };
  }
  async function meetingOf(request: FastifyRequest) {
    const found = await childOf(request);
    const { meetingId } = request.params as { meetingId?: string };
    const meeting = found.meetings.find((m) => m.id === meetingId);
    if (!meeting) throw new HttpError(404, 'There is no such planning meeting for this child');
    return { ...found, meeting };
  }

  // Correcting a registration (and its de-registration, once ended), merged field by field if someone else corrected it meanwhile (ADR 0020).
  const concernsIn = (values: FormValues) => (values.concerns ? values.concerns.split(',') : []);
  const registrationForm = (reply: FastifyReply, child: Child, r: Registration, values: FormValues, problems: Record<string, string>, clashes: Clash[] = []) => {
    if (clashes.length) reply.code(409);
    return reply.view('protection/views/correctRegistration.njk', { title: 'Correct a registration', form: presentRegistrationCorrection(child, r, values, concernsIn(values), problems, clashes) });
  };
  app.get(paths.care.correctRegistration.pattern, record, async (request, reply) => {
    const { child, registration } = await registrationOf(request);
    const now = { version: registration.version, values: registrationValues(registration) };
    return registrationForm(reply, child, registration, { ...now.values, ...startedFrom(now) }, {});
  });
  app.post(paths.care.correctRegistration.pattern, record, async (request, reply) => {
    const { child, registration } = await registrationOf(request);
    const now: Versioned = { version: registration.version, values: registrationValues(registration) };
    const posted = { ...postedValues(request.body), concerns: asList((request.body as Record<string, unknown> | undefined)?.concerns).join(',') };
    const settled = reconcile(posted, registrationLabels, now);
    const values = { ...settled.values, ...startedFrom(now) };
    const showAgain = (problems: Record<string, string>, clashes: Clash[] = []) => registrationForm(reply, child, registration, values, problems, clashes);
    if (settled.outcome === 'clash') return showAgain({}, settled.clashes);
    const form = readRegistrationCorrection({ ...values, concerns: concernsIn(values) }, registration.deregisteredDate !== null);
    if (!form.data) return showAgain(form.problems);
    const result = await protection.correctRegistration(request.user!, child.childId, registration.registrationId, form.data.facts, form.data.reason, now.version);
    return answer(request, reply, child.childId, result, mergedNotice('Registration corrected', settled.outcome === 'merged' ? settled.theirs : []), showAgain);
  });

  // Correcting a planning meeting, merged the same way.
  const meetingForm = (reply: FastifyReply, child: Child, m: ProtectionEvent, values: FormValues, problems: Record<string, string>, clashes: Clash[] = []) => {
    if (clashes.length) reply.code(409);
    return reply.view('protection/views/correctMeeting.njk', { title: 'Correct a planning meeting', form: presentMeetingCorrection(child, m, values, problems, clashes) });
  };
  app.get(paths.care.correctCpMeeting.pattern, record, async (request, reply) => {
    const { child, meeting } = await meetingOf(request);
    const now = { version: meeting.version, values: meetingValues(meeting) };
    return meetingForm(reply, child, meeting, { ...now.values, ...startedFrom(now) }, {});
  });
  app.post(paths.care.correctCpMeeting.pattern, record, async (request, reply) => {
    const { child, meeting } = await meetingOf(request);
    const now: Versioned = { version: meeting.version, values: meetingValues(meeting) };
    const settled = reconcile(postedValues(request.body), meetingLabels, now);
    const values = { ...settled.values, ...startedFrom(now) };
    const showAgain = (problems: Record<string, string>, clashes: Clash[] = []) => meetingForm(reply, child, meeting, values, problems, clashes);
    if (settled.outcome === 'clash') return showAgain({}, settled.clashes);
    const form = readMeetingCorrection(values);
    if (!form.data) return showAgain(form.problems);
    const result = await protection.correctMeeting(request.user!, child.childId, meeting.id, form.data.facts, form.data.reason, now.version);
    return answer(request, reply, child.childId, result, mergedNotice('Planning meeting corrected', settled.outcome === 'merged' ? settled.theirs : []), showAgain);
  });

  /** A withdrawal: the reason first, then "are you sure?", then the change. */
  function withdrawal<T>(
    pattern: string, title: string, what: string, find: (request: FastifyRequest) => Promise<Found & { item: T }>, words: (item: T) => string, version: (item: T) => number,
    change: (request: FastifyRequest, child: Child, item: T, reason: string, version: number) => Promise<ProtectionChange>, done: string, consequence: string,
  ) {
    const view = (reply: FastifyReply, child: Child, item: T, action: string, values: FormValues, problems: Record<string, string>) =>
      reply.view('protection/views/withdraw.njk', { title, form: presentWithdrawal(child, action, words(item), values, problems) });
    app.get(pattern, record, async (request, reply) => {
      const { child, item } = await find(request);
      return view(reply, child, item, request.url, { _version: String(version(item)) }, {});
    });
    app.post(pattern, record, async (request, reply) => {
      const { child, item } = await find(request);
      const form = readWithdrawal(request.body, what);
      const showAgain = (problems: Record<string, string>) => view(reply, child, item, request.url, form.values, problems);
      if (!form.data) return showAgain(form.problems);
      if (!confirmed(request.body)) {
        return askToConfirm(reply, {
          question: `${title}?`, details: [words(item), `Reason: ${form.data.reason}`], consequence,
          action: request.url, confirmText: 'Yes, withdraw it', backHref: paths.care.protection(child), fields: fieldsToRepost(request.body),
        });
      }
      return answer(request, reply, child.childId, await change(request, child, item, form.data.reason, form.data.version), done, showAgain);
    });
  }

  const withRegistration = async (request: FastifyRequest) => {
    const found = await registrationOf(request);
    return { ...found, item: found.registration };
  };
  withdrawal(paths.care.withdrawRegistration.pattern, 'Withdraw this registration', 'the registration is being withdrawn', withRegistration, registrationWords, (r) => r.version,
    (request, child, r, reason, v) => protection.withdrawRegistration(request.user!, child.childId, r.registrationId, reason, v),
    'Registration withdrawn as recorded in error.', 'It comes off the register and out of every figure. It stays in the child’s history, with your reason.');
  withdrawal(paths.care.withdrawDeregistration.pattern, 'Withdraw this de-registration', 'the de-registration is being withdrawn', withRegistration, registrationWords, (r) => r.version,
    (request, child, r, reason, v) => protection.withdrawDeregistration(request.user!, child.childId, r.registrationId, reason, v),
    'De-registration withdrawn as recorded in error.', 'The child is on the register again from the same registration. The de-registration stays in the child’s history, with your reason.');
  withdrawal(paths.care.withdrawCpMeeting.pattern, 'Withdraw this planning meeting', 'the meeting is being withdrawn',
    async (request) => {
      const found = await meetingOf(request);
      return { ...found, item: found.meeting };
    }, meetingWords, (m) => m.version,
    (request, child, m, reason, v) => protection.withdrawMeeting(request.user!, child.childId, m.id, reason, v),
    'Planning meeting withdrawn as recorded in error.', 'It comes out of the child’s record and every figure. It stays in the child’s history, with your reason.');
}
