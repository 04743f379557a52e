/**
 * @module Compulsory Supervision Orders (Children's Hearings (Scotland) Act 2011): their kinds, reviews and the pure
 * date rules. A CSO ceases to have effect one year after it was made or last continued (s.83(7)), so its next
 * review must fall no later than that day; an interim CSO has effect for at most 22 days beginning with the day
 * it was made (s.86(3)), so its last day is the 21st day after.
 */
import { longDateOf } from '../../platform/dates/formats.js';
import { type FieldErrors } from '../../platform/forms/fieldErrors.js';
import { addDays, addYears, daysBetween } from '../../platform/dates/isoDates.js';
import { EndReason, OrderKind, ReviewOutcome, reviewOutcomeLabels } from '../../platform/codes/reporterCodes.js';

/** Hearing outcomes that make a new order, which Cairn offers to record as an order. */
export const outcomesMakingAnOrder: readonly string[] = ['cso_made', 'interim_cso'];

/** Hearing outcomes that review an order in force, and the review outcome each one records. */
export const reviewOutcomeOfHearing: Readonly<Record<string, ReviewOutcome>> = {
  cso_continued: 'continued',
  cso_varied: 'varied',
  cso_terminated: 'terminated',
};

/** Reviews due within this many days (or overdue) are listed for managers. */
export const reviewsDueWithinDays = 28;

export interface OrderReview {
  reviewId: string;
  reviewDate: string;
  outcome: ReviewOutcome;
  nextReviewDate: string | null;
  measures: string | null;
  /** The Reporter page's hearing outcome it was recorded from, if any. */
  hearingId: string | null;
}

export interface SupervisionOrder {
  orderId: string;
  childId: string;
  kind: OrderKind;
  madeDate: string;
  measures: string;
  residence: string | null;
  hearingId: string | null;
  reviewDueDate: string;
  endedDate: string | null;
  endReason: EndReason | null;
  reviews: OrderReview[];
  /** Bumped by each correction, for the three-way merge (ADR 0020). */
  version: number;
}

/** What a correction of an order changes: what its form records. */
export interface OrderCorrection { kind: OrderKind; madeDate: string; measures: string; residence: string | null; reviewDueDate: string }

/** An order whose review is due soon, with the child's name, for the managers' list. */
export interface OrderReviewDue {
  orderId: string;
  childId: string;
  name: string;
  kind: OrderKind;
  nextReviewDate: string;
}

/**
 * The last day the next review may be held, counted from the day the order was made or last reviewed.
 * @example latestReview('interim_cso', '2024-05-10') // '2024-05-31'
 */
export function latestReview(kind: OrderKind, from: string): string {
  return kind === 'interim_cso' ? addDays(from, 21) : addYears(from, 1);
}

/** The rule for the message beside a review date that is too late. */
function tooLate(kind: OrderKind, from: string, since: 'made' | 'reviewed'): string {
  const last = longDateOf(latestReview(kind, from));
  return kind === 'interim_cso'
    ? `An interim order lasts at most 22 days, counting the day it was ${since}: the next hearing must be on or before ${last}`
    : `An order lapses unless it is reviewed within a year of the day it was ${since}: review it on or before ${last}`;
}

/**
 * Problems with a new order: dates in order, review within the legal limit, a residence condition only where it belongs,
 * and the same day as the hearing it was made at.
 * @example orderProblems({ kind: 'cso_home', madeDate: '2024-02-29', reviewDueDate: '2025-03-01', residence: null }) // { reviewDueDate: 'An order lapses … 28 February 2025' }
 */
export function orderProblems(order: { kind: OrderKind; madeDate: string; reviewDueDate: string; residence: string | null; hearingDate?: string }): FieldErrors {
  const problems: FieldErrors = {};
  if (order.hearingDate && order.madeDate !== order.hearingDate) problems.madeDate = `The order was made at the hearing on ${longDateOf(order.hearingDate)}: enter that date`;
  if (order.reviewDueDate <= order.madeDate) problems.reviewDueDate = 'The review must be due after the day the order was made';
  else if (order.reviewDueDate > latestReview(order.kind, order.madeDate)) problems.reviewDueDate = tooLate(order.kind, order.madeDate, 'made');
  if (order.kind === 'cso_away' && !order.residence) problems.residence = 'Enter where the order says the child must live';
  if (order.kind === 'cso_home' && order.residence) problems.residence = 'An order at home has no residence condition: leave this empty or choose the order with a residence condition';
  return problems;
}

/** The date the order must next be reviewed by: the latest review's, or the one set when it was made. */
export function nextReviewDate(order: Pick<SupervisionOrder, 'reviewDueDate' | 'reviews'>): string {
  const last = order.reviews.at(-1);
  return last?.nextReviewDate ?? order.reviewDueDate;
}

/** The day the order was made or last reviewed, from which the next review is counted. */
export const lastReviewedOrMade = (order: Pick<SupervisionOrder, 'madeDate' | 'reviews'>) => order.reviews.at(-1)?.reviewDate ?? order.madeDate;

/**
 * Problems with a review hearing: the order is in force, the review comes after the last one, a continued or varied
 * order gets its next review date within the legal limit, a variation says what changed.
 * @example reviewProblems(order, { reviewDate: '2025-02-28', outcome: 'continued', nextReviewDate: '2026-03-01', measures: null }) // { nextReviewDate: 'An order lapses … 28 February 2026' }
 */
export function reviewProblems(order: SupervisionOrder, review: { reviewDate: string; outcome: ReviewOutcome; nextReviewDate: string | null; measures: string | null }): FieldErrors {
  const problems: FieldErrors = {};
  if (order.endedDate) return { reviewDate: `This order ended on ${longDateOf(order.endedDate)}` };
  const since = lastReviewedOrMade(order);
  if (review.reviewDate <= since) problems.reviewDate = `The review must be after ${order.reviews.length ? 'the last review' : 'the order was made'} (${longDateOf(since)})`;
  if (review.outcome === 'terminated') {
    if (review.nextReviewDate) problems.nextReviewDate = 'A terminated order has no next review: leave this empty';
  } else if (!review.nextReviewDate) problems.nextReviewDate = 'Enter the date the order must next be reviewed by';
  else if (review.nextReviewDate <= review.reviewDate) problems.nextReviewDate = 'The next review must be after this review';
  else if (review.nextReviewDate > latestReview(order.kind, review.reviewDate)) problems.nextReviewDate = tooLate(order.kind, review.reviewDate, 'reviewed');
  if (review.outcome === 'varied' && !review.measures) problems.measures = 'Enter the measures and conditions as varied';
  return problems;
}

/**
 * Problems with a review recorded from a hearing outcome: it is that hearing's day and what that hearing decided.
 * @example hearingReviewProblems({ hearingDate: '2025-05-01', outcome: 'cso_continued' }, { reviewDate: '2025-05-02', outcome: 'varied' }) // { reviewDate: '…enter that date', outcome: '…' }
 */
export function hearingReviewProblems(hearing: { hearingDate: string; outcome: string }, review: { reviewDate: string; outcome: ReviewOutcome }): FieldErrors {
  const problems: FieldErrors = {};
  if (review.reviewDate !== hearing.hearingDate) problems.reviewDate = `This review is the hearing on ${longDateOf(hearing.hearingDate)}: enter that date`;
  const decided = reviewOutcomeOfHearing[hearing.outcome];
  if (decided && review.outcome !== decided) problems.outcome = `The hearing on ${longDateOf(hearing.hearingDate)} recorded the order as ${reviewOutcomeLabels[decided].toLowerCase()}: choose that`;
  return problems;
}

/**
 * Problems with ending an order other than at a review (for example when the young person turns 18).
 * @example endProblems(order, { endedDate: '2024-01-01' }) // { endedDate: 'The order must end on or after the day it was made (10 May 2024)' }
 */
export function endProblems(order: SupervisionOrder, input: { endedDate: string }): FieldErrors {
  if (order.endedDate) return { endedDate: `This order ended on ${longDateOf(order.endedDate)}` };
  const since = lastReviewedOrMade(order);
  if (input.endedDate < since) return { endedDate: `The order must end on or after the day it was ${order.reviews.length ? 'last reviewed' : 'made'} (${longDateOf(since)})` };
  return {};
}

/**
 * Orders in force whose next review is due within `withinDays` of `today`, or overdue, soonest first.
 * @example reviewsDue(orders, '2024-06-01').map((o) => o.orderId) // ['SO-overdue', 'SO-in-a-fortnight']
 */
export function reviewsDue<T extends { nextReviewDate: string }>(orders: readonly T[], today: string, withinDays = reviewsDueWithinDays): T[] {
  const until = addDays(today, withinDays);
  return orders.filter((o) => o.nextReviewDate <= until).sort((a, b) => a.nextReviewDate.localeCompare(b.nextReviewDate));
}

/**
 * How a review date stands today, in words.
 * @example reviewStatus('2024-05-29', '2024-06-01') // 'Overdue by 3 days'
 */
export function reviewStatus(nextReview: string, today: string): string {
  const days = daysBetween(today, nextReview);
  if (days < 0) return `Overdue by ${-days} ${days === -1 ? 'day' : 'days'}`;
  if (days === 0) return 'Due today';
  return `Due in ${days} ${days === 1 ? 'day' : 'days'}`;
}
