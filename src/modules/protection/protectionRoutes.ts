/** @module Thin handlers for a child's registrations, registering and de-registering, and the register page. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { HttpError } from '../../platform/http/httpError.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import { longDateOf } from '../../platform/dates/formats.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { readDeregistration, readDiscussion, readMeeting, readRegistration } from './protectionForms.js';
import { meetingsAwaitingRegistration } from './protectionService.js';
import { protectionCorrectionRoutes } from './protectionCorrectionRoutes.js';
import type { ProtectionChange, ProtectionEvent, Registration } from './protection.js';
import {
  presentDeregisterForm, presentEventForm, presentEvents, presentRegister, presentRegisterForm, presentRegistrations, reregistrationWarning,
} from './protectionPresenter.js';
import { tellNextPage } from '../../platform/http/flash.js';
import type { ProtectionService } from './protectionService.js';
import type { AuditService } from '../audit/auditService.js';

/** What protectionRoutes needs from the composition root. */
export interface ProtectionRoutesNeeds {
  audit: AuditService;
  protection: ProtectionService;
}

const childParams = z.object({ childId: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/) });
const record = { config: { access: { permission: 'care:record' as const } } };

/**
 * The child's protection page and forms (`care:record`), and `/protection/register` (`protection:register`).
 * @example await protectionRoutes(app, services)
 */
export async function protectionRoutes(app: FastifyInstance, services: ProtectionRoutesNeeds): Promise<void> {
  const { protection } = services;

  async function childOf(request: FastifyRequest) {
    const params = childParams.safeParse(request.params);
    if (!params.success) throw new HttpError(404, 'There is no child with that id');
    const found = await protection.registrationsOf(request.user!, params.data.childId);
    if (found.outcome === 'not_found') throw new HttpError(404, 'There is no child with that id');
    if (found.outcome !== 'found') throw new HttpError(403, "This child is not on your caseload or your team's. Ask your team manager if you need to see this record.");
    // Issue 16 item 5: every page drawn from the child's record (the forms too) is audited as one view of the child.
    if (request.method === 'GET') await services.audit.record({ kind: 'user', user: request.user! }, { action: 'child.viewed', childId: found.child.childId, subject: 'child protection', details: { page: request.routeOptions.url } });
    return found;
  }

  function answer(request: FastifyRequest, reply: FastifyReply, childId: string, result: ProtectionChange, done: string, showAgain: (problems: Record<string, string>) => unknown) {
    if (result.outcome === 'done') {
      const warning = result.reregisteredAfter ? ` This is a re-registration within 18 months of de-registration on ${longDateOf(result.reregisteredAfter)}.` : '';
      tellNextPage(request, `${done}${warning}`);
      return reply.redirect(paths.care.protection({ childId }), 303);
    }
    if (result.outcome === 'problems') return showAgain(result.problems);
    throw new HttpError(result.outcome === 'forbidden' ? 403 : 404, result.outcome === 'forbidden' ? 'You may not change this child’s record' : 'There is no child with that id');
  }

  app.get(paths.care.protection.pattern, record, async (request, reply) => {
    const { child, registrations, discussions, meetings, amendments } = await childOf(request);
    reply.header('cache-control', 'no-store');
    const view = presentRegistrations(child, registrations, todayIso(), meetings, amendments);
    return reply.view('protection/views/child.njk', {
      title: `Child protection: ${child.name}`, protection: view, events: presentEvents(discussions, meetings, child, amendments),
      irdHref: paths.care.newIrd(child), meetingHref: paths.care.newCpMeeting(child),
    });
  });

  // In sequence (issue 13): a registration rests on the planning meeting that decided it, and is offered only to a child not on the register.
  const dateParts = (field: string, iso: string) => {
    const [year, month, day] = iso.split('-');
    return { [`${field}-day`]: String(Number(day)), [`${field}-month`]: String(Number(month)), [`${field}-year`]: year! };
  };
  const isOpen = (registrations: readonly Registration[]) => registrations.some((r) => r.deregisteredDate === null);
  const alreadyRegistered = (name: string) => `${name} is on the child protection register already. To end the registration, de-register them.`;
  const registerView = (reply: FastifyReply, child: { childId: string; name: string }, values: FormValues, concerns: string[], problems: Record<string, string>, warning: string | undefined, meetings: readonly ProtectionEvent[]) =>
    reply.view('protection/views/register.njk', { title: 'Register on the child protection register', form: presentRegisterForm(child, values, concerns, problems, warning, meetings) });
  app.get(paths.care.register.pattern, record, async (request, reply) => {
    const { child, registrations, meetings } = await childOf(request);
    if (isOpen(registrations)) {
      tellNextPage(request, alreadyRegistered(child.name));
      return reply.redirect(paths.care.protection(child), 303);
    }
    const awaiting = meetingsAwaitingRegistration(meetings, registrations);
    const asked = (request.query as { meeting?: unknown }).meeting;
    const chosen = awaiting.find((m) => m.id === asked) ?? (awaiting.length === 1 ? awaiting[0] : undefined);
    const values = chosen ? { meetingId: chosen.id, ...dateParts('registeredDate', chosen.date) } : {};
    return registerView(reply, child, values, [], {}, reregistrationWarning(registrations, todayIso()), awaiting);
  });
  app.post(paths.care.register.pattern, record, async (request, reply) => {
    const { child, registrations, meetings } = await childOf(request);
    if (isOpen(registrations)) throw new HttpError(409, alreadyRegistered(child.name));
    const awaiting = meetingsAwaitingRegistration(meetings, registrations);
    const form = readRegistration(request.body);
    const warning = reregistrationWarning(registrations, todayIso());
    if (!form.data) return registerView(reply, child, form.values, form.concerns, form.problems, warning, awaiting);
    const result = await protection.register(request.user!, child.childId, form.data);
    return answer(request, reply, child.childId, result, 'Registered on the child protection register.', (problems) => registerView(reply, child, form.values, form.concerns, problems, warning, awaiting));
  });

  const deregisterView = (reply: FastifyReply, child: { childId: string; name: string }, values: FormValues, problems: Record<string, string>) =>
    reply.view('protection/views/deregister.njk', { title: 'De-register', form: presentDeregisterForm(child, values, problems) });
  app.get(paths.care.deregister.pattern, record, async (request, reply) => {
    const { child, meetings } = await childOf(request);
    const meeting = meetings.find((m) => m.id === (request.query as { meeting?: unknown }).meeting && m.decision === 'deregister');
    return deregisterView(reply, child, meeting ? dateParts('deregisteredDate', meeting.date) : {}, {});
  });
  app.post(paths.care.deregister.pattern, record, async (request, reply) => {
    const { child } = await childOf(request);
    const form = readDeregistration(request.body);
    if (!form.data) return deregisterView(reply, child, form.values, form.problems);
    const result = await protection.deregister(request.user!, child.childId, form.data);
    return answer(request, reply, child.childId, result, 'Taken off the child protection register.', (problems) => deregisterView(reply, child, form.values, problems));
  });

  const irdTitle = 'Record an inter-agency referral discussion';
  app.get(paths.care.newIrd.pattern, record, async (request, reply) => {
    const { child } = await childOf(request);
    return reply.view('protection/views/ird.njk', { title: irdTitle, form: presentEventForm(child, paths.care.newIrd(child), {}, {}) });
  });
  app.post(paths.care.newIrd.pattern, record, async (request, reply) => {
    const { child } = await childOf(request);
    const form = readDiscussion(request.body);
    const showAgain = (problems: Record<string, string>) => reply.view('protection/views/ird.njk', { title: irdTitle, form: presentEventForm(child, paths.care.newIrd(child), form.values, problems) });
    if (!form.data) return showAgain(form.problems);
    return answer(request, reply, child.childId, await protection.recordDiscussion(request.user!, child.childId, form.data), 'Inter-agency referral discussion recorded.', showAgain);
  });

  const meetingTitle = 'Record a child protection planning meeting';
  app.get(paths.care.newCpMeeting.pattern, record, async (request, reply) => {
    const { child } = await childOf(request);
    return reply.view('protection/views/meeting.njk', { title: meetingTitle, form: presentEventForm(child, paths.care.newCpMeeting(child), {}, {}) });
  });
  app.post(paths.care.newCpMeeting.pattern, record, async (request, reply) => {
    const { child, registrations } = await childOf(request);
    const form = readMeeting(request.body);
    const showAgain = (problems: Record<string, string>) => reply.view('protection/views/meeting.njk', { title: meetingTitle, form: presentEventForm(child, paths.care.newCpMeeting(child), form.values, problems) });
    if (!form.data) return showAgain(form.problems);
    const result = await protection.recordMeeting(request.user!, child.childId, form.data);
    // A meeting deciding to register (or de-register) leads straight into that form, with the meeting and its date filled in.
    const next = result.outcome === 'done' && result.meetingId
      ? (form.data.decision === 'register' && !isOpen(registrations) ? paths.care.register(child, { meeting: result.meetingId })
        : form.data.decision === 'deregister' && isOpen(registrations) ? paths.care.deregister(child, { meeting: result.meetingId }) : undefined)
      : undefined;
    if (next) {
      tellNextPage(request, `Child protection planning meeting recorded. Now record the ${form.data.decision === 'register' ? 'registration' : 'de-registration'} it decided.`);
      return reply.redirect(next, 303);
    }
    return answer(request, reply, child.childId, result, 'Child protection planning meeting recorded.', showAgain);
  });

  await protectionCorrectionRoutes(app, { protection, childOf, answer });

  app.get(paths.care.protectionRegister.pattern, { config: { access: { permission: 'protection:register' as const } } }, async (request, reply) => {
    const today = todayIso();
    const rows = presentRegister(await protection.onRegister(request.user!, today), today);
    reply.header('cache-control', 'no-store');
    return reply.view('protection/views/registerList.njk', { title: 'Child protection register', rows, today: longDateOf(today) });
  });
}
