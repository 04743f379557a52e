/** @module View models for a child's Compulsory Supervision Orders, their forms, and the managers' reviews due list. */
import { paths } from '../../platform/http/paths.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { type FieldErrors } from '../../platform/forms/fieldErrors.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { latestReview, lastReviewedOrMade, nextReviewDate, outcomesMakingAnOrder, reviewOutcomeOfHearing, type SupervisionOrder } from './supervisionOrder.js';
import type { HearingForOrder, HearingForReview } from './supervisionOrderService.js';
import { presentClashes, type Clash } from '../../platform/forms/versions.js';
import { changedFields, type Amendment } from '../../platform/amendments/amendment.js';
import { dateTimeOf } from '../../platform/dates/formats.js';
import { endReasonLabels, endReasons, orderEndReason, orderKind, orderKindLabels, orderKinds, reviewOutcome, reviewOutcomeLabels, reviewOutcomes } from '../../platform/codes/reporterCodes.js';
import { reviewText } from './supervisionOrderPanels.js';
import { reasonEndedLabels, reasonsEnded } from '../../platform/codes/careCodes.js';

type Child = { childId: string; name: string };

const radios = (codes: readonly string[], labels: Record<string, string>, chosen: string | undefined) =>
  codes.map((value) => ({ value, text: labels[value] ?? value, checked: value === chosen }));

/** The order's measures now: as last varied, or as made. */
const currentMeasures = (order: SupervisionOrder) => order.reviews.filter((r) => r.measures).at(-1)?.measures ?? order.measures;


/**
 * The child's orders page: each order with its status, measures, next review and review hearings.
 * @example presentOrders(child, orders, '2024-06-01').orders[0].nextReview // '10 May 2025 (due in 343 days)'
 */
export function presentOrders(child: Child, orders: readonly SupervisionOrder[], today: string, amendments: readonly Amendment[] = []) {
  return {
    name: child.name,
    childHref: paths.children.show(child),
    scraHref: paths.care.scra(child),
    newHref: paths.supervisionOrders.new(child),
    orders: [...orders].reverse().map((o, index) => ({
      id: `order-${index + 1}`,
      heading: orderKind.label(o.kind),
      made: longDateOf(o.madeDate),
      inForce: !o.endedDate,
      status: o.endedDate ? `Ended on ${longDateOf(o.endedDate)}: ${orderEndReason.label(o.endReason)}` : 'In force',
      measures: currentMeasures(o),
      residence: o.residence ?? (o.kind === 'cso_home' ? 'No residence condition' : 'Not recorded'),
      hearing: o.hearingId ? `Made at the hearing on ${longDateOf(o.madeDate)}` : 'Hearing not recorded in Cairn',
      nextReview: o.endedDate ? 'None (the order has ended)' : reviewText(o, today),
      reviewHref: paths.supervisionOrders.review({ childId: child.childId, orderId: o.orderId }),
      endHref: paths.supervisionOrders.end({ childId: child.childId, orderId: o.orderId }),
      correctHref: paths.supervisionOrders.correct({ childId: child.childId, orderId: o.orderId }),
      withdrawHref: paths.supervisionOrders.withdraw({ childId: child.childId, orderId: o.orderId }),
      reviews: o.reviews.map((r) => ({
        date: longDateOf(r.reviewDate), outcome: reviewOutcome.label(r.outcome), next: r.nextReviewDate ? longDateOf(r.nextReviewDate) : 'None', measures: r.measures ?? '',
      })),
    })),
    history: amendments.map((amendment) => {
      const changed = changedFields(amendment.before, amendment.after);
      return {
        summary: `Amended by ${amendment.amendedBy} on ${dateTimeOf(amendment.amendedAt)} because ${amendment.reason}`,
        changes: Object.keys(changed.after).map((label) => `${label}: was ${changed.before[label] || 'not recorded'}, now ${changed.after[label] || 'not recorded'}`),
      };
    }),
  };
}

/** A link beside a hearing outcome on the Reporter page; `hidden` ends its accessible name. */
export type HearingLink = { text: string; href: string; hidden: string };

/**
 * For each hearing that makes an order: a link to record it, or to the order recorded from it. For each hearing that
 * continued, varied or terminated an order: a link to record it as a review of the order in force (the latest made
 * before the hearing), or to the order once recorded. No link where there is no such order.
 * @example hearingOrderLinks({ childId: 'C1' }, orders, hearings).get('H-1') // { text: 'Record the order', href: '/children/C1/care/orders/new?hearing=H-1', hidden: … }
 */
export function hearingOrderLinks(child: { childId: string }, orders: readonly SupervisionOrder[], hearings: readonly { hearingId: string; hearingDate: string; outcome: string }[]) {
  const recorded = new Set([...orders.map((o) => o.hearingId), ...orders.flatMap((o) => o.reviews.map((r) => r.hearingId))].filter(Boolean));
  const seeTheOrder = { text: 'See the order', href: paths.supervisionOrders.child(child) };
  const links = new Map<string, HearingLink>();
  for (const h of hearings) {
    const hidden = ` from the hearing on ${longDateOf(h.hearingDate)}`;
    if (recorded.has(h.hearingId)) {
      if (outcomesMakingAnOrder.includes(h.outcome) || reviewOutcomeOfHearing[h.outcome]) links.set(h.hearingId, { ...seeTheOrder, hidden });
    } else if (outcomesMakingAnOrder.includes(h.outcome)) {
      links.set(h.hearingId, { text: 'Record the order', href: paths.supervisionOrders.new(child, h), hidden });
    } else if (reviewOutcomeOfHearing[h.outcome]) {
      const order = orders.filter((o) => !o.endedDate && o.madeDate < h.hearingDate).at(-1);
      if (order) links.set(h.hearingId, { text: 'Record as a review of the order', href: paths.supervisionOrders.review({ childId: child.childId, orderId: order.orderId }, h), hidden });
    }
  }
  return links;
}

/** What every order form needs: back to the child's orders, what was typed, the problems and their summary. */
function formModel(child: Child, action: string, values: FormValues, problems: FieldErrors, order: readonly string[]) {
  return { child: { name: child.name, href: paths.supervisionOrders.child(child) }, action, values, errors: problems, errorList: errorSummary(problems, order) };
}

/** The date parts of an ISO date, as the date input's values. */
const dateValues = (field: string, iso: string | null | undefined): FormValues => {
  if (!iso) return {};
  const [year, month, day] = iso.split('-');
  return { [`${field}-day`]: String(Number(day)), [`${field}-month`]: String(Number(month)), [`${field}-year`]: year! };
};

/**
 * What the order form starts with when recorded from a hearing: its date, its review date and the kind of order.
 * @example orderValuesFrom({ hearingId: 'H-1', hearingDate: '2024-05-10', outcome: 'interim_cso', reviewDate: '2024-05-31', ordered: false })['kind'] // 'interim_cso'
 */
export function orderValuesFrom(hearing: HearingForOrder): FormValues {
  return { hearingId: hearing.hearingId, ...(hearing.outcome === 'interim_cso' ? { kind: 'interim_cso' } : {}), ...dateValues('madeDate', hearing.hearingDate), ...dateValues('reviewDueDate', hearing.reviewDate) };
}

/** @example presentOrderForm(child, {}, {}, undefined).kindItems.length // 3 */
export function presentOrderForm(child: Child, values: FormValues, problems: FieldErrors, hearing: HearingForOrder | undefined) {
  return {
    ...formModel(child, hearing ? paths.supervisionOrders.new(child, hearing) : paths.supervisionOrders.new(child), values, problems, ['kind', 'madeDate', 'measures', 'residence', 'reviewDueDate']),
    hearing: hearing && `From the hearing on ${longDateOf(hearing.hearingDate)}`,
    kindItems: radios(orderKinds, orderKindLabels, values.kind),
  };
}

/**
 * What the review form starts with when recorded from a hearing outcome: its date, what it decided and its review date.
 * @example reviewValuesFrom({ hearingId: 'H-2', hearingDate: '2025-05-01', outcome: 'cso_continued', reviewDate: '2026-04-01', reviewed: false })['outcome'] // 'continued'
 */
export function reviewValuesFrom(hearing: HearingForReview): FormValues {
  const outcome = reviewOutcomeOfHearing[hearing.outcome];
  return { hearingId: hearing.hearingId, ...(outcome ? { outcome } : {}), ...dateValues('reviewDate', hearing.hearingDate), ...dateValues('nextReviewDate', hearing.reviewDate) };
}

/** @example presentReviewForm(child, order, {}, {}, undefined).outcomeItems.length // 3 */
export function presentReviewForm(child: Child, order: SupervisionOrder, values: FormValues, problems: FieldErrors, hearing: HearingForReview | undefined) {
  const since = lastReviewedOrMade(order);
  const action = paths.supervisionOrders.review({ childId: child.childId, orderId: order.orderId }, hearing);
  return {
    ...formModel(child, action, values, problems, ['reviewDate', 'outcome', 'nextReviewDate', 'measures', 'reasonEnded']),
    hearing: hearing && `From the hearing on ${longDateOf(hearing.hearingDate)}`,
    order: `${orderKind.label(order.kind)}, made on ${longDateOf(order.madeDate)}; review due by ${longDateOf(nextReviewDate(order))}`,
    nextHint: order.kind === 'interim_cso'
      ? 'An interim order lasts at most 22 days, counting the day of this hearing. Leave empty if the order is terminated.'
      : `Within a year of this hearing. Leave empty if the order is terminated. (Last ${order.reviews.length ? 'reviewed' : 'made'} on ${longDateOf(since)}; it lapses after ${longDateOf(latestReview(order.kind, since))}.)`,
    outcomeItems: radios(reviewOutcomes, reviewOutcomeLabels, values.outcome),
    episodeEndItems: radios(reasonsEnded, reasonEndedLabels, values.reasonEnded),
  };
}

/** @example presentEndForm(child, order, {}, {}).reasonItems.length // 6 */
export function presentEndForm(child: Child, order: SupervisionOrder, values: FormValues, problems: FieldErrors) {
  return {
    ...formModel(child, paths.supervisionOrders.end({ childId: child.childId, orderId: order.orderId }), values, problems, ['endedDate', 'endReason', 'reasonEnded']),
    order: `${orderKind.label(order.kind)}, made on ${longDateOf(order.madeDate)}`,
    reasonItems: radios(endReasons, endReasonLabels, values.endReason),
    episodeEndItems: radios(reasonsEnded, reasonEndedLabels, values.reasonEnded),
  };
}

/** The correction form (with version clashes) or the withdrawal form (`about`: the order in words) of an order. */
export function presentOrderCorrectionForm(child: Child, action: string, values: FormValues, problems: FieldErrors, extra: { clashes?: readonly Clash[]; about?: string } = {}) {
  return {
    ...formModel(child, action, values, problems, ['kind', 'madeDate', 'measures', 'residence', 'reviewDueDate', 'reason']),
    kindItems: radios(orderKinds, orderKindLabels, values.kind),
    clashes: presentClashes(extra.clashes ?? []),
    about: extra.about ?? '',
  };
}
