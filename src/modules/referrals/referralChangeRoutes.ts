/**
 * @module Thin handlers for changing a referral: its details while undecided, and — as amendments with a reason —
 * its decision and allocation; withdrawing one recorded in error (asked to confirm first). Each form is merged field
 * by field against the referral as it is now (ADR 0020), a clash shown with both values.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../platform/http/httpError.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import { readDateField } from '../../platform/forms/dates.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import { mergedNotice, readStarted, reconcile, startedFrom, type Clash } from '../../platform/forms/versions.js';
import { askToConfirm, confirmed, fieldsToRepost } from '../../platform/forms/confirmation.js';
import type { Amended, ReferralService } from './referralService.js';
import { allocationCorrectionFields, decisionCorrectionFields, referralFields, withdrawalFields } from './referralForms.js';
import { changeLabels, changeValues, presentChange, type ChangeKind } from './referralChangePresenter.js';
import type { ReferralRecord } from './referral.js';

const referralParams = z.object({ referralId: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/) });
const notFound = () => new HttpError(404, 'There is no referral with that id');
const refused = () => new HttpError(403, 'This referral was sent to another team. Ask that team’s manager if you need to see it.');

/** What each change may be made to: a page for a referral in any other state is refused plainly. */
const allowed: Record<ChangeKind, (r: ReferralRecord) => boolean> = {
  details: (r) => r.pathway === null && !r.withdrawnAt,
  decision: (r) => r.pathway !== null && !r.withdrawnAt,
  allocation: (r) => r.caseId !== null && r.caseClosedDate === null,
  withdraw: (r) => !r.withdrawnAt && r.caseId === null,
};
const notNow: Record<ChangeKind, string> = {
  details: 'This referral has been decided: correct the decision instead',
  decision: 'This referral has no decision to correct',
  allocation: 'This referral has no open case to reallocate',
  withdraw: 'This referral cannot be withdrawn: it has been withdrawn already or opened a case',
};

/** @example await referralChangeRoutes(app, services.referrals) */
export async function referralChangeRoutes(app: FastifyInstance, referrals: ReferralService): Promise<void> {
  const manage = { config: { access: { permission: 'referral:manage' as const } } };

  async function load(request: FastifyRequest, kind: ChangeKind) {
    const params = referralParams.safeParse(request.params);
    if (!params.success) throw notFound();
    // Issue 16 item 5: the form names the child, so showing it (GET) is audited as one view; a refusal always.
    const found = await referrals.current(request.user!, params.data.referralId, request.method === 'GET' ? request.routeOptions.url : undefined);
    if (found.outcome !== 'shown') throw found.outcome === 'not_found' ? notFound() : refused();
    if (!allowed[kind](found.referral)) throw new HttpError(409, notNow[kind]);
    return found;
  }

  function show(reply: FastifyReply, kind: ChangeKind, found: Awaited<ReturnType<typeof load>>, values: FormValues, errors: FieldErrors = {}, clashes: Clash[] = []) {
    reply.header('cache-control', 'no-store');
    if (clashes.length) reply.code(409);
    else if (Object.keys(errors).length) reply.code(422);
    const form = presentChange(kind, found.referral, found.workers, values, errors, clashes);
    return reply.view('referrals/views/change.njk', { title: form.title, form });
  }

  /** Read each change's fields into the call that makes it; problems for the form otherwise. */
  const make: Record<ChangeKind, (request: FastifyRequest, referralId: string, values: FormValues, version: number) => Promise<Amended | { outcome: 'problems'; problems: FieldErrors }>> = {
    async details(request, referralId, values, version) {
      const parsed = referralFields.safeParse(values);
      if (!parsed.success) return { outcome: 'problems', problems: fieldErrors(parsed.error.issues) };
      return referrals.changeDetails(request.user!, referralId, parsed.data, version);
    },
    async decision(request, referralId, values, version) {
      const parsed = decisionCorrectionFields.safeParse(values);
      const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
      const decidedDate = readDateField(values, 'decided', 'Date of decision', errors, todayIso());
      if (!parsed.success || !decidedDate || Object.keys(errors).length) return { outcome: 'problems', problems: errors };
      const { correctionReason, ...decision } = parsed.data;
      return referrals.correctDecision(request.user!, referralId, { pathway: decision.pathway, reason: decision.decisionReason, decidedDate }, correctionReason, version);
    },
    async allocation(request, referralId, values, version) {
      const parsed = allocationCorrectionFields.safeParse(values);
      if (!parsed.success) return { outcome: 'problems', problems: fieldErrors(parsed.error.issues) };
      return referrals.correctAllocation(request.user!, referralId, parsed.data.workerId, parsed.data.correctionReason, version);
    },
    async withdraw(request, referralId, values, version) {
      const parsed = withdrawalFields.safeParse(values);
      if (!parsed.success) return { outcome: 'problems', problems: fieldErrors(parsed.error.issues) };
      return referrals.withdraw(request.user!, referralId, parsed.data.withdrawReason, version);
    },
  };
  const saved: Record<ChangeKind, string> = { details: 'Referral details saved', decision: 'Decision corrected', allocation: 'Allocation corrected', withdraw: 'Referral withdrawn' };

  for (const kind of ['details', 'decision', 'allocation', 'withdraw'] as const) {
    const url = { details: paths.referrals.details, decision: paths.referrals.correctDecision, allocation: paths.referrals.correctAllocation, withdraw: paths.referrals.withdraw }[kind];

    app.get(url.pattern, manage, async (request, reply) => {
      const found = await load(request, kind);
      const shown = changeValues(kind, found.referral);
      return show(reply, kind, found, { ...shown, ...startedFrom({ version: found.referral.version, values: shown }) });
    });

    app.post(url.pattern, manage, async (request, reply) => {
      const found = await load(request, kind);
      const { referral } = found;
      const now = { version: referral.version, values: changeValues(kind, referral) };
      const posted = postedValues(request.body);
      const settled = reconcile(posted, changeLabels[kind], now);
      if (settled.outcome === 'clash') return show(reply, kind, found, settled.values, {}, settled.clashes);
      // Merged: saved against the version now. Otherwise against the version the form was started from, so a change
      // made between this check and the save is still caught by the database.
      const version = settled.outcome === 'merged' ? now.version : (readStarted(posted)?.version ?? now.version);
      const values = { ...settled.values, ...(settled.outcome === 'merged' ? startedFrom(now) : {}) };
      if (kind === 'withdraw' && !confirmed(request.body)) {
        const reading = withdrawalFields.safeParse(values);
        if (!reading.success) return show(reply, kind, found, values, fieldErrors(reading.error.issues));
        return askToConfirm(reply, {
          question: `Withdraw the referral for ${referral.childName}?`,
          details: [`Why: ${reading.data.withdrawReason}`],
          consequence: 'It leaves the referral tray and every figure. What it said stays in its history, with your reason.',
          action: url({ referralId: referral.referralId }), confirmText: 'Yes, withdraw it', backHref: paths.referrals.show({ referralId: referral.referralId }),
          fields: fieldsToRepost(values),
        });
      }
      const result = await make[kind](request, referral.referralId, values, version);
      if (result.outcome === 'not_found') throw notFound();
      if (result.outcome === 'forbidden') throw refused();
      if (result.outcome === 'problems') return show(reply, kind, found, { ...values, ...startedFrom(now) }, result.problems);
      tellNextPage(request, mergedNotice(saved[kind], settled.outcome === 'merged' ? settled.theirs : []));
      const stillOurs = await referrals.stillWorks(request.user!, referral.referralId);
      return reply.redirect(stillOurs ? paths.referrals.show({ referralId: referral.referralId }) : paths.referrals.tray(), 303);
    });
  }
}
