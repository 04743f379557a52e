/** @module View models for a child's referrals to the Reporter and the referral, decision and hearing forms. */
import { paths } from '../../platform/http/paths.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { type ScraReferral } from './scra.js';
import { changedFields, type Amendment } from '../../platform/amendments/amendment.js';
import { presentClashes, type Clash } from '../../platform/forms/versions.js';
import { dateTimeOf } from '../../platform/dates/formats.js';
import { ground, groundLabels, hearingOutcome, hearingOutcomeLabels, hearingOutcomes, reporterDecision, reporterDecisionLabels, reporterDecisions, scraGrounds as grounds } from '../../platform/codes/reporterCodes.js';

/**
 * `orderLinks`: for each hearing that made, continued, varied or terminated an order, the link to record it or to see it.
 * @example presentScra(child, referrals).referrals[0].ground // '(a) Lack of parental care'
 */
export function presentScra(child: { childId: string; name: string }, referrals: readonly ScraReferral[], orderLinks: ReadonlyMap<string, { text: string; href: string; hidden: string }> = new Map(), amendments: readonly Amendment[] = []) {
  return {
    name: child.name,
    childHref: paths.children.show(child),
    newHref: paths.care.newScraReferral(child),
    ordersHref: paths.supervisionOrders.child(child),
    referrals: referrals.map((r, index) => ({
      id: `referral-${index + 1}`,
      heading: `Referred on ${longDateOf(r.referralDate)}`,
      ground: ground.label(r.ground),
      decision: r.decision ? `${reporterDecision.label(r.decision)} on ${longDateOf(r.decisionDate!)}` : 'Awaiting the Reporter’s decision',
      decisionHref: paths.care.scraDecision({ childId: child.childId, referralId: r.scraReferralId }),
      hearingHref: paths.care.scraHearing({ childId: child.childId, referralId: r.scraReferralId }),
      correctHref: paths.care.correctScraReferral({ childId: child.childId, referralId: r.scraReferralId }),
      withdrawHref: paths.care.withdrawScraReferral({ childId: child.childId, referralId: r.scraReferralId }),
      withdrawDecisionHref: r.decision ? paths.care.withdrawScraDecision({ childId: child.childId, referralId: r.scraReferralId }) : undefined,
      hearings: r.hearings.map((h) => ({
        date: longDateOf(h.hearingDate), outcome: hearingOutcome.label(h.outcome), review: h.reviewDate ? longDateOf(h.reviewDate) : 'None', order: orderLinks.get(h.hearingId),
        correctHref: paths.care.correctScraHearing({ childId: child.childId, referralId: r.scraReferralId, hearingId: h.hearingId }),
        withdrawHref: paths.care.withdrawScraHearing({ childId: child.childId, referralId: r.scraReferralId, hearingId: h.hearingId }),
      })),
    })),
    history: amendments.map((amendment) => {
      const changed = changedFields(amendment.before, amendment.after);
      return {
        what: amendment.recordKind === 'hearing' ? 'A hearing outcome' : 'A referral',
        summary: `Amended by ${amendment.amendedBy} on ${dateTimeOf(amendment.amendedAt)} because ${amendment.reason}`,
        changes: Object.keys(changed.after).map((label) => `${label}: was ${changed.before[label]}, now ${changed.after[label]}`),
      };
    }),
  };
}

const radios = (codes: readonly string[], labels: Record<string, string>, chosen: string | undefined) =>
  codes.map((value) => ({ value, text: labels[value] ?? value, checked: value === chosen }));

/** @example presentScraForm(child, 'referral', '/…', {}, {}).groundItems.length // 18 */
export function presentScraForm(child: { childId: string; name: string }, action: string, values: FormValues, problems: Record<string, string>) {
  return {
    child: { name: child.name, href: paths.care.scra(child) },
    action, values, errors: problems,
    errorList: errorSummary(problems, ['referralDate', 'ground', 'decision', 'decisionDate', 'hearingDate', 'outcome', 'reviewDate']),
    groundItems: [{ value: '', text: 'Choose a ground', selected: !values.ground }, ...grounds.map((g) => ({ value: g, text: groundLabels[g]!, selected: g === values.ground }))],
    decisionItems: radios(reporterDecisions, reporterDecisionLabels, values.decision),
    outcomeItems: radios(hearingOutcomes, hearingOutcomeLabels, values.outcome),
  };
}

/** A correction or withdrawal form: the Reporter form's items, with the version clashes and what is being withdrawn. */
export function presentScraCorrectionForm(child: { childId: string; name: string }, action: string, values: FormValues, problems: Record<string, string>, extra: { clashes?: readonly Clash[]; decided?: boolean; about?: string } = {}) {
  return {
    ...presentScraForm(child, action, values, problems),
    errorList: errorSummary(problems, ['referralDate', 'ground', 'decision', 'decisionDate', 'hearingDate', 'outcome', 'reviewDate', 'reason'], { dates: ['referralDate', 'decisionDate', 'hearingDate', 'reviewDate'] }),
    clashes: presentClashes(extra.clashes ?? []),
    decided: extra.decided ?? false,
    about: extra.about ?? '',
  };
}
