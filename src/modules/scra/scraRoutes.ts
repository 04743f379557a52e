/** @module Thin handlers for a child's referrals to the Children's Reporter, the Reporter's decision and hearing outcomes. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { HttpError } from '../../platform/http/httpError.js';
import { readDateInput } from '../../platform/forms/dates.js';
import { formValues, readForm, type FormValues } from '../../platform/forms/formValues.js';
import type { ScraChange } from './scraService.js';
import { presentScra, presentScraForm } from './scraPresenter.js';
import { hearingOrderLinks } from './supervisionOrderPresenter.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { ground, hearingOutcomes, reporterDecisions } from '../../platform/codes/reporterCodes.js';
import type { SupervisionOrderService } from './supervisionOrderService.js';
import type { ScraService } from './scraService.js';
import type { AuditService } from '../audit/auditService.js';
import { scraCorrectionRoutes } from './scraCorrectionRoutes.js';

/** What scraRoutes needs from the composition root. */
export interface ScraRoutesNeeds {
  audit: AuditService;
  scra: ScraService;
  supervisionOrders: SupervisionOrderService;
}

const id = z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/);
const record = { config: { access: { permission: 'care:record' as const } } };
const referralSchema = z.object({ ground: z.string().refine(ground.has, 'Select the ground of referral') });
const decisionSchema = z.object({ decision: z.enum(reporterDecisions, { error: 'Select the Reporter’s decision' }) });
const hearingSchema = z.object({ outcome: z.enum(hearingOutcomes, { error: 'Select the outcome of the hearing' }) });

/**
 * `/children/:childId/care/scra` and its forms, for `care:record` and children the person may access.
 * @example await scraRoutes(app, services)
 */
export async function scraRoutes(app: FastifyInstance, services: ScraRoutesNeeds): Promise<void> {
  async function childOf(request: FastifyRequest) {
    const params = z.object({ childId: id }).safeParse(request.params);
    if (!params.success) throw new HttpError(404, 'There is no child with that id');
    const found = await services.scra.referralsOf(request.user!, params.data.childId);
    if (found.outcome === 'not_found') throw new HttpError(404, 'There is no child with that id');
    if (found.outcome !== 'found') throw new HttpError(403, "This child is not on your caseload or your team's. Ask your team manager if you need to see this record.");
    // Issue 16 item 5: every page drawn from the child's record (the forms too) is audited as one view of the child.
    if (request.method === 'GET') await services.audit.record({ kind: 'user', user: request.user! }, { action: 'child.viewed', childId: found.child.childId, subject: 'Children’s Reporter', details: { page: request.routeOptions.url } });
    return found;
  }
  function referralIdOf(request: FastifyRequest, referrals: { scraReferralId: string }[]): string {
    const referralId = id.safeParse((request.params as { referralId?: string }).referralId);
    if (!referralId.success || !referrals.some((r) => r.scraReferralId === referralId.data)) throw new HttpError(404, 'There is no such referral to the Reporter');
    return referralId.data;
  }
  function answer(request: FastifyRequest, reply: FastifyReply, childId: string, result: ScraChange, done: string, showAgain: (problems: Record<string, string>) => unknown) {
    if (result.outcome === 'done') {
      tellNextPage(request, done);
      return reply.redirect(paths.care.scra({ childId }), 303);
    }
    if (result.outcome === 'problems') return showAgain(result.problems);
    throw new HttpError(result.outcome === 'forbidden' ? 403 : 404, result.outcome === 'forbidden' ? 'You may not change this child’s record' : 'Not found');
  }
  const form = (reply: FastifyReply, template: string, title: string, child: { childId: string; name: string }, action: string, values: FormValues, problems: Record<string, string>) =>
    reply.view(`scra/views/${template}.njk`, { title, form: presentScraForm(child, action, values, problems) });

  app.get(paths.care.scra.pattern, record, async (request, reply) => {
    const { child, referrals, amendments } = await childOf(request);
    reply.header('cache-control', 'no-store');
    const found = await services.supervisionOrders.ordersOf(request.user!, child.childId);
    const orderLinks = hearingOrderLinks(child, found.outcome === 'found' ? found.orders : [], referrals.flatMap((r) => r.hearings));
    return reply.view('scra/views/child.njk', { title: `Children’s Reporter: ${child.name}`, scra: presentScra(child, referrals, orderLinks, amendments) });
  });

  const newTitle = 'Record a referral to the Children’s Reporter';
  app.get(paths.care.newScraReferral.pattern, record, async (request, reply) => {
    const { child } = await childOf(request);
    return form(reply, 'newReferral', newTitle, child, paths.care.newScraReferral(child), {}, {});
  });
  app.post(paths.care.newScraReferral.pattern, record, async (request, reply) => {
    const { child } = await childOf(request);
    const values = formValues(request.body, ['ground'], ['referralDate']);
    const read = readForm(values, referralSchema, { referralDate: 'Date of referral' });
    const showAgain = (problems: Record<string, string>) => form(reply, 'newReferral', newTitle, child, paths.care.newScraReferral(child), values, problems);
    if (!read.data) return showAgain(read.problems);
    const result = await services.scra.refer(request.user!, child.childId, { referralDate: read.data.referralDate!, ground: read.data.ground });
    return answer(request, reply, child.childId, result, 'Referral to the Reporter recorded', showAgain);
  });

  const decisionTitle = 'Record the Reporter’s decision';
  app.get(paths.care.scraDecision.pattern, record, async (request, reply) => {
    const { child, referrals } = await childOf(request);
    const referralId = referralIdOf(request, referrals);
    return form(reply, 'decision', decisionTitle, child, paths.care.scraDecision({ childId: child.childId, referralId }), {}, {});
  });
  app.post(paths.care.scraDecision.pattern, record, async (request, reply) => {
    const { child, referrals } = await childOf(request);
    const referralId = referralIdOf(request, referrals);
    const values = formValues(request.body, ['decision'], ['decisionDate']);
    const read = readForm(values, decisionSchema, { decisionDate: 'Date of the decision' });
    const showAgain = (problems: Record<string, string>) => form(reply, 'decision', decisionTitle, child, paths.care.scraDecision({ childId: child.childId, referralId }), values, problems);
    if (!read.data) return showAgain(read.problems);
    const result = await services.scra.decide(request.user!, child.childId, referralId, { decision: read.data.decision, decisionDate: read.data.decisionDate! });
    return answer(request, reply, child.childId, result, 'Reporter’s decision recorded', showAgain);
  });

  const hearingTitle = 'Record a hearing outcome';
  app.get(paths.care.scraHearing.pattern, record, async (request, reply) => {
    const { child, referrals } = await childOf(request);
    const referralId = referralIdOf(request, referrals);
    return form(reply, 'hearing', hearingTitle, child, paths.care.scraHearing({ childId: child.childId, referralId }), {}, {});
  });
  app.post(paths.care.scraHearing.pattern, record, async (request, reply) => {
    const { child, referrals } = await childOf(request);
    const referralId = referralIdOf(request, referrals);
    const values = formValues(request.body, ['outcome'], ['hearingDate', 'reviewDate']);
    const read = readForm(values, hearingSchema, { hearingDate: 'Date of the hearing' });
    const review = readDateInput('Review date', values['reviewDate-day'], values['reviewDate-month'], values['reviewDate-year']);
    const problems = { ...read.problems, ...(review.error ? { reviewDate: review.error } : {}) };
    const showAgain = (found: Record<string, string>) => form(reply, 'hearing', hearingTitle, child, paths.care.scraHearing({ childId: child.childId, referralId }), values, found);
    if (!read.data || review.error) return showAgain(problems);
    const result = await services.scra.recordHearing(request.user!, child.childId, referralId, { hearingDate: read.data.hearingDate!, outcome: read.data.outcome, reviewDate: review.date ?? null });
    return answer(request, reply, child.childId, result, 'Hearing outcome recorded', showAgain);
  });

  await scraCorrectionRoutes(app, services);
}
