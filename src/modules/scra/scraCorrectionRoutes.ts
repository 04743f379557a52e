/**
 * @module Thin handlers for correcting or withdrawing a referral to the Reporter, the Reporter's decision or a hearing
 * outcome (issue 12): each with a reason, as an amendment; corrections merged field by field, withdrawals asked to confirm.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { HttpError } from '../../platform/http/httpError.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import { mergedNotice, reconcile, startedFrom, type Clash, type Reconciled } from '../../platform/forms/versions.js';
import { askToConfirm, confirmed, fieldsToRepost } from '../../platform/forms/confirmation.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { hearingOutcome } from '../../platform/codes/reporterCodes.js';
import { hearingLabels, hearingValues, readHearingCorrection, readReferralCorrection, readWithdrawal, referralLabels, referralValues } from './scraCorrectionForms.js';
import { presentScraCorrectionForm } from './scraPresenter.js';
import type { ScraChange, ScraService } from './scraService.js';
import type { ScraHearing, ScraReferral } from './scra.js';
import type { AuditService } from '../audit/auditService.js';

const id = z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/);
const record = { config: { access: { permission: 'care:record' as const } } };
const refusedChild = "This child is not on your caseload or your team's. Ask your team manager if you need to see this record.";

/**
 * The correction and withdrawal routes under `/children/:childId/care/scra/:referralId`.
 * @example await scraCorrectionRoutes(app, { scra })
 */
export async function scraCorrectionRoutes(app: FastifyInstance, services: { scra: ScraService; audit: AuditService }): Promise<void> {
  async function referralOf(request: FastifyRequest): Promise<{ child: { childId: string; name: string }; referral: ScraReferral; hearing?: ScraHearing }> {
    const params = z.object({ childId: id, referralId: id, hearingId: id.optional() }).safeParse(request.params);
    if (!params.success) throw new HttpError(404, 'There is no such referral to the Reporter');
    const found = await services.scra.referralsOf(request.user!, params.data.childId);
    if (found.outcome === 'forbidden') throw new HttpError(403, refusedChild);
    if (found.outcome !== 'found') throw new HttpError(404, 'There is no child with that id');
    const referral = found.referrals.find((r) => r.scraReferralId === params.data.referralId);
    if (!referral) throw new HttpError(404, 'There is no such referral to the Reporter');
    // Issue 16 item 5: every page drawn from the child's record (the forms too) is audited as one view of the child.
    if (request.method === 'GET') await services.audit.record({ kind: 'user', user: request.user! }, { action: 'child.viewed', childId: found.child.childId, subject: 'Children’s Reporter', details: { page: request.routeOptions.url } });
    if (params.data.hearingId === undefined) return { child: found.child, referral };
    const hearing = referral.hearings.find((h) => h.hearingId === params.data.hearingId);
    if (!hearing) throw new HttpError(404, 'There is no such hearing on this referral');
    return { child: found.child, referral, hearing };
  }
  function answer(request: FastifyRequest, reply: FastifyReply, childId: string, result: ScraChange, done: string, showAgain: (problems: Record<string, string>) => unknown) {
    if (result.outcome === 'done') {
      tellNextPage(request, done);
      return reply.redirect(paths.care.scra({ childId }), 303);
    }
    if (result.outcome === 'problems') return showAgain(result.problems);
    throw new HttpError(result.outcome === 'forbidden' ? 403 : 404, result.outcome === 'forbidden' ? refusedChild : 'Not found');
  }
  const view = (reply: FastifyReply, template: string, title: string, child: { childId: string; name: string }, action: string, values: FormValues, problems: Record<string, string>, extra: { clashes?: Clash[]; decided?: boolean; about?: string } = {}) => {
    if (extra.clashes?.length) reply.code(409);
    return reply.view(`scra/views/${template}.njk`, { title, form: presentScraCorrectionForm(child, action, values, problems, extra) });
  };
  const settledNotice = (done: string, settled: Reconciled) => mergedNotice(done, settled.outcome === 'merged' ? settled.theirs : []);

  // Correct a referral (its date, ground and the Reporter's decision).
  const referralTitle = 'Correct a referral to the Reporter';
  app.get(paths.care.correctScraReferral.pattern, record, async (request, reply) => {
    const { child, referral } = await referralOf(request);
    const values = { ...referralValues(referral), ...startedFrom({ version: referral.version, values: referralValues(referral) }) };
    return view(reply, 'correctReferral', referralTitle, child, paths.care.correctScraReferral({ childId: child.childId, referralId: referral.scraReferralId }), values, {}, { decided: referral.decision !== null });
  });
  app.post(paths.care.correctScraReferral.pattern, record, async (request, reply) => {
    const { child, referral } = await referralOf(request);
    const now = { version: referral.version, values: referralValues(referral) };
    const settled = reconcile(postedValues(request.body), referralLabels, now);
    const values = { ...settled.values, ...startedFrom(now) };
    const action = paths.care.correctScraReferral({ childId: child.childId, referralId: referral.scraReferralId });
    const showAgain = (problems: Record<string, string>, clashes: Clash[] = []) => view(reply, 'correctReferral', referralTitle, child, action, values, problems, { clashes, decided: referral.decision !== null });
    if (settled.outcome === 'clash') return showAgain({}, settled.clashes);
    const form = readReferralCorrection(values, referral.decision !== null);
    if (!form.data) return showAgain(form.problems);
    const result = await services.scra.correctReferral(request.user!, child.childId, referral.scraReferralId, form.data.corrected, form.data.reason, referral.version);
    return answer(request, reply, child.childId, result, settledNotice('Referral to the Reporter corrected', settled), showAgain);
  });

  // Correct a hearing outcome.
  const hearingTitle = 'Correct a hearing outcome';
  app.get(paths.care.correctScraHearing.pattern, record, async (request, reply) => {
    const { child, referral, hearing } = await referralOf(request);
    const values = { ...hearingValues(hearing!), ...startedFrom({ version: hearing!.version, values: hearingValues(hearing!) }) };
    return view(reply, 'correctHearing', hearingTitle, child, paths.care.correctScraHearing({ childId: child.childId, referralId: referral.scraReferralId, hearingId: hearing!.hearingId }), values, {});
  });
  app.post(paths.care.correctScraHearing.pattern, record, async (request, reply) => {
    const { child, referral, hearing } = await referralOf(request);
    const now = { version: hearing!.version, values: hearingValues(hearing!) };
    const settled = reconcile(postedValues(request.body), hearingLabels, now);
    const values = { ...settled.values, ...startedFrom(now) };
    const action = paths.care.correctScraHearing({ childId: child.childId, referralId: referral.scraReferralId, hearingId: hearing!.hearingId });
    const showAgain = (problems: Record<string, string>, clashes: Clash[] = []) => view(reply, 'correctHearing', hearingTitle, child, action, values, problems, { clashes });
    if (settled.outcome === 'clash') return showAgain({}, settled.clashes);
    const form = readHearingCorrection(values);
    if (!form.data) return showAgain(form.problems);
    const result = await services.scra.correctHearing(request.user!, child.childId, referral.scraReferralId, hearing!.hearingId, form.data.corrected, form.data.reason, hearing!.version);
    return answer(request, reply, child.childId, result, settledNotice('Hearing outcome corrected', settled), showAgain);
  });

  // Withdraw a referral, a decision or a hearing outcome: a reason, then a confirmation.
  const withdrawals = [
    {
      path: paths.care.withdrawScraReferral, title: 'Withdraw a referral to the Reporter', done: 'Referral to the Reporter withdrawn',
      about: (r: ScraReferral) => `The referral of ${longDateOf(r.referralDate)}`,
      run: (request: FastifyRequest, childId: string, r: ScraReferral, reason: string) => services.scra.withdrawReferral(request.user!, childId, r.scraReferralId, reason),
    },
    {
      path: paths.care.withdrawScraDecision, title: 'Withdraw the Reporter’s decision', done: 'Reporter’s decision withdrawn',
      about: (r: ScraReferral) => `The Reporter’s decision on the referral of ${longDateOf(r.referralDate)}`,
      run: (request: FastifyRequest, childId: string, r: ScraReferral, reason: string) => services.scra.withdrawDecision(request.user!, childId, r.scraReferralId, reason),
    },
    {
      path: paths.care.withdrawScraHearing, title: 'Withdraw a hearing outcome', done: 'Hearing outcome withdrawn',
      about: (_r: ScraReferral, h?: ScraHearing) => `The hearing of ${longDateOf(h!.hearingDate)}: ${hearingOutcome.label(h!.outcome)}`,
      run: (request: FastifyRequest, childId: string, r: ScraReferral, reason: string, h?: ScraHearing) => services.scra.withdrawHearing(request.user!, childId, r.scraReferralId, h!.hearingId, reason),
    },
  ];
  for (const withdrawal of withdrawals) {
    app.get(withdrawal.path.pattern, record, async (request, reply) => {
      const { child, referral, hearing } = await referralOf(request);
      return view(reply, 'withdraw', withdrawal.title, child, request.url, {}, {}, { about: withdrawal.about(referral, hearing) });
    });
    app.post(withdrawal.path.pattern, record, async (request, reply) => {
      const { child, referral, hearing } = await referralOf(request);
      const about = withdrawal.about(referral, hearing);
      const form = readWithdrawal(request.body);
      const showAgain = (problems: Record<string, string>) => view(reply, 'withdraw', withdrawal.title, child, request.url, form.values, problems, { about });
      if (!form.data) return showAgain(form.problems);
      if (!confirmed(request.body)) {
        return askToConfirm(reply, {
          question: `${withdrawal.title}?`,
          details: [`${about}.`, `Reason: ${form.data.reason}`],
          consequence: 'It will no longer show on the child’s record or count in any figure. What it said stays in the child’s history, with your reason.',
          action: request.url, confirmText: 'Yes, withdraw it', backHref: paths.care.scra(child), fields: fieldsToRepost(request.body),
        });
      }
      const result = await withdrawal.run(request, child.childId, referral, form.data.reason, hearing);
      return answer(request, reply, child.childId, result, withdrawal.done, showAgain);
    });
  }
}
