/**
 * @module Use cases for Compulsory Supervision Orders: record an order (from a hearing outcome or on its own), record a
 * review hearing (continued, varied or terminated), end an order, and list the reviews due for managers. Each change is
 * checked against the rules in supervisionOrder.ts, made in one transaction with the order locked, and audited in it.
 */
import type { Database, Queryable } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { ChildService } from '../children/childService.js';
import { restrictedRecordLabel } from '../children/child.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import { type FieldErrors } from '../../platform/forms/fieldErrors.js';
import { endProblems, hearingReviewProblems, orderProblems, outcomesMakingAnOrder, reviewOutcomeOfHearing, reviewProblems, reviewsDueWithinDays, type OrderReviewDue, type SupervisionOrder } from './supervisionOrder.js';
import { addDays } from '../../platform/dates/isoDates.js';
import type { SupervisionOrderRepository } from './supervisionOrderRepository.js';
import type { ScraRepository } from './scraRepository.js';
import { changeOrProblems } from '../../platform/forms/changeOrProblems.js';
import { type EndReason, type OrderKind, type ReviewOutcome } from '../../platform/codes/reporterCodes.js';
import type { ReasonEnded } from '../../platform/codes/careCodes.js';
import { legalReasonOfOrder, type OrderEpisodes } from './orderEpisodes.js';
import type { AmendmentRepository } from '../../platform/amendments/amendmentRepository.js';
import { changedFields, type Amendment } from '../../platform/amendments/amendment.js';
import { orderCorrectionProblems, orderInWords } from './supervisionOrderCorrection.js';
import type { OrderCorrection } from './supervisionOrder.js';

export type OrderChange = { outcome: 'done'; orderId: string } | { outcome: 'problems'; problems: FieldErrors } | { outcome: 'forbidden' } | { outcome: 'not_found' };
export type ChildOrders = { outcome: 'found'; child: { childId: string; name: string }; orders: SupervisionOrder[] } | { outcome: 'forbidden' } | { outcome: 'not_found' };
export type HearingForOrder = { hearingId: string; hearingDate: string; outcome: string; reviewDate: string | null; ordered: boolean };
/** A hearing outcome that continued, varied or terminated an order, and whether it has been recorded as a review. */
export type HearingForReview = { hearingId: string; hearingDate: string; outcome: string; reviewDate: string | null; reviewed: boolean };

export interface NewOrder { kind: OrderKind; madeDate: string; measures: string; residence: string | null; hearingId: string | null; reviewDueDate: string }
/** `hearingId`: the Reporter page's hearing outcome this review is recorded from, if any. */
/** `reasonEnded`: where the child went, if terminating the order ends their looked after episode. */
export interface NewReview { reviewDate: string; outcome: ReviewOutcome; nextReviewDate: string | null; measures: string | null; hearingId?: string | null; reasonEnded?: ReasonEnded | null }
/** Ending an order other than at a hearing; `reasonEnded` as for a review. */
export interface OrderEnd { endedDate: string; endReason: EndReason; reasonEnded?: ReasonEnded | null }

/** The looked after module's problems keyed `date`, moved to the order form's own date field. */
function renameDate(problems: FieldErrors, dateField: string): FieldErrors {
  const { date, ...rest } = problems;
  return date ? { ...rest, [dateField]: date } : rest;
}

export const hearingNotThisChilds = 'That hearing is not one of this child’s hearings that continued, varied or terminated an order';
export const hearingAlreadyReviewed = 'A review has already been recorded from this hearing';

/**
 * `episodes` keeps the child's looked after episode in line with their orders, in each change's transaction (ADR 0025).
 * @example supervisionOrderService(db, supervisionOrderRepository(), scraRepository(), children, audit, lookedAfter)
 */
export function supervisionOrderService(db: Database, repository: SupervisionOrderRepository, scra: ScraRepository, children: ChildService, audit: AuditService, episodes: OrderEpisodes, amendments: AmendmentRepository) {
  async function guard(user: SignedInUser, childId: string): Promise<{ outcome: 'forbidden' | 'not_found' } | { name: string }> {
    const name = await scra.childName(db, childId);
    if (!name) return { outcome: 'not_found' };
    if (!(await children.mayAccess(user, childId))) return { outcome: 'forbidden' };
    return { name };
  }

  /** Run a change in one transaction; problems roll it back and come back for the form. */
  async function change(work: (tx: Queryable) => Promise<OrderChange>, conflict: FieldErrors): Promise<OrderChange> {
    try {
      return await changeOrProblems(db, work);
    } catch (error) {
      // Another change got there first: the same hearing's order, or a review of the order on the same day.
      if ((error as { code?: string }).code === '23505') return { outcome: 'problems', problems: conflict };
      throw error;
    }
  }

  /** The child's order, locked for the change, or why not. */
  async function lockedOrder(tx: Queryable, childId: string, orderId: string): Promise<SupervisionOrder | undefined> {
    if (!(await repository.lockOrder(tx, childId, orderId))) return undefined;
    return (await repository.orders(tx, childId)).find((o) => o.orderId === orderId);
  }

  /**
   * After `orderId` has ended on `date`: the episode takes the legal reason of the latest order still in force, or ends
   * for `reasonEnded` when none is. Problems come back under the form's own date field.
   */
  async function followEnd(tx: Queryable, user: SignedInUser, childId: string, orderId: string, date: string, reasonEnded: ReasonEnded | null | undefined, dateField: string): Promise<FieldErrors> {
    const inForce = (await repository.orders(tx, childId)).filter((o) => o.orderId !== orderId && !o.endedDate).sort((a, b) => b.madeDate.localeCompare(a.madeDate));
    const stillInForce = inForce[0] ? legalReasonOfOrder[inForce[0].kind] : null;
    const problems = await episodes.followOrder(tx, user, childId, { change: 'ended', orderId, date, stillInForce, reasonEnded: reasonEnded ?? null });
    return renameDate(problems, dateField);
  }

  const this_ = {
    /**
     * A child's orders with their reviews, for someone who may see the child (the page that shows them audits the view).
     * @example await supervisionOrders.ordersOf(user, 'C1')
     */
    async ordersOf(user: SignedInUser, childId: string): Promise<ChildOrders> {
      const guarded = await guard(user, childId);
      if ('outcome' in guarded) return guarded;
      return { outcome: 'found', child: { childId, name: guarded.name }, orders: await repository.orders(db, childId) };
    },

    /**
     * The corrections and withdrawals of the child's orders, oldest first (the orders page shows them).
     * @example await supervisionOrders.corrections(user, 'C1')
     */
    async corrections(user: SignedInUser, childId: string): Promise<Amendment[]> {
      const guarded = await guard(user, childId);
      if ('outcome' in guarded) return [];
      return amendments.forChild(db, childId, 'supervision_order');
    },

    /**
     * The child's hearing an order is being recorded from, when it makes an order.
     * @example await supervisionOrders.hearingFor('C1', 'H-1') // { hearingDate: '2024-05-10', outcome: 'cso_made', … }
     */
    async hearingFor(childId: string, hearingId: string): Promise<HearingForOrder | undefined> {
      const hearing = await repository.hearingOf(db, childId, hearingId);
      return hearing && outcomesMakingAnOrder.includes(hearing.outcome) ? hearing : undefined;
    },

    /**
     * The child's hearing a review is being recorded from, when it continued, varied or terminated an order.
     * @example await supervisionOrders.hearingForReview('C1', 'H-2') // { hearingDate: '2025-05-01', outcome: 'cso_continued', reviewed: false, … }
     */
    async hearingForReview(childId: string, hearingId: string, from: Queryable = db): Promise<HearingForReview | undefined> {
      const hearing = await repository.hearingOf(from, childId, hearingId);
      if (!hearing || !reviewOutcomeOfHearing[hearing.outcome]) return undefined;
      return { hearingId: hearing.hearingId, hearingDate: hearing.hearingDate, outcome: hearing.outcome, reviewDate: hearing.reviewDate, reviewed: await repository.hearingReviewed(from, hearingId) };
    },

    /**
     * Record an order. From a hearing, it must be made on the hearing's day and only once per hearing.
     * @example await supervisionOrders.record(user, 'C1', { kind: 'cso_home', madeDate: '2024-05-10', measures: 'Supervision', residence: null, hearingId: null, reviewDueDate: '2025-05-10' })
     */
    async record(user: SignedInUser, childId: string, input: NewOrder): Promise<OrderChange> {
      const guarded = await guard(user, childId);
      if ('outcome' in guarded) return guarded;
      const hearing = input.hearingId ? await this_.hearingFor(childId, input.hearingId) : undefined;
      if (input.hearingId && !hearing) return { outcome: 'not_found' };
      if (hearing?.ordered) return { outcome: 'problems', problems: { madeDate: 'An order has already been recorded from this hearing' } };
      const problems = orderProblems({ ...input, hearingDate: hearing?.hearingDate });
      if (Object.keys(problems).length) return { outcome: 'problems', problems };
      const orderId = newRecordId('SO');
      return change(async (tx) => {
        await repository.insertOrder(tx, { orderId, childId, ...input, recordedBy: user.userId });
        await audit.record({ kind: 'user', user }, { action: 'supervision_order.recorded', childId, subject: orderId, details: { ...input } }, tx);
        const episodeProblems = await episodes.followOrder(tx, user, childId, { change: 'made', orderId, date: input.madeDate, legalReason: legalReasonOfOrder[input.kind] });
        if (Object.keys(episodeProblems).length) return { outcome: 'problems', problems: renameDate(episodeProblems, 'madeDate') };
        return { outcome: 'done', orderId };
      }, { madeDate: 'An order has already been recorded from this hearing' });
    },

    /**
     * Record a review hearing: continued or varied (with the next review date), or terminated (which ends the order).
     * From a hearing outcome (`hearingId`), it must be this child's hearing, on its day, with its outcome, and only once.
     * @example await supervisionOrders.review(user, 'C1', 'SO-1', { reviewDate: '2025-05-01', outcome: 'continued', nextReviewDate: '2026-04-30', measures: null })
     */
    async review(user: SignedInUser, childId: string, orderId: string, input: NewReview): Promise<OrderChange> {
      const guarded = await guard(user, childId);
      if ('outcome' in guarded) return guarded;
      return change(async (tx) => {
        const order = await lockedOrder(tx, childId, orderId);
        if (!order) return { outcome: 'not_found' };
        const hearingId = input.hearingId ?? null;
        const hearing = hearingId ? await this_.hearingForReview(childId, hearingId, tx) : undefined;
        if (hearingId && !hearing) return { outcome: 'problems', problems: { reviewDate: hearingNotThisChilds } };
        if (hearing?.reviewed) return { outcome: 'problems', problems: { reviewDate: hearingAlreadyReviewed } };
        const problems = { ...reviewProblems(order, input), ...(hearing ? hearingReviewProblems(hearing, input) : {}) };
        if (Object.keys(problems).length) return { outcome: 'problems', problems };
        const reviewId = newRecordId('SOR');
        const { reasonEnded, ...review } = input;
        await repository.insertReview(tx, { reviewId, orderId, ...review, hearingId, recordedBy: user.userId });
        if (input.outcome === 'terminated') {
          await repository.endOrder(tx, orderId, input.reviewDate, 'terminated_at_hearing');
          const episodeProblems = await followEnd(tx, user, childId, orderId, input.reviewDate, reasonEnded, 'reviewDate');
          if (Object.keys(episodeProblems).length) return { outcome: 'problems', problems: episodeProblems };
        }
        await audit.record({ kind: 'user', user }, { action: 'supervision_order.reviewed', childId, subject: orderId, details: { reviewId, ...review, hearingId } }, tx);
        return { outcome: 'done', orderId };
      }, { reviewDate: input.hearingId ? `${hearingAlreadyReviewed}, or a review of this order on this day` : 'A review of this order on this day has already been recorded' });
    },

    /**
     * End an order other than at a review hearing (it expired, was replaced, the young person turned 18).
     * @example await supervisionOrders.end(user, 'C1', 'SO-1', { endedDate: '2025-01-31', endReason: 'turned_18' })
     */
    async end(user: SignedInUser, childId: string, orderId: string, input: OrderEnd): Promise<OrderChange> {
      const guarded = await guard(user, childId);
      if ('outcome' in guarded) return guarded;
      return change(async (tx) => {
        const order = await lockedOrder(tx, childId, orderId);
        if (!order) return { outcome: 'not_found' };
        const problems = endProblems(order, input);
        if (Object.keys(problems).length) return { outcome: 'problems', problems };
        await repository.endOrder(tx, orderId, input.endedDate, input.endReason);
        const episodeProblems = await followEnd(tx, user, childId, orderId, input.endedDate, input.reasonEnded, 'endedDate');
        if (Object.keys(episodeProblems).length) return { outcome: 'problems', problems: episodeProblems };
        await audit.record({ kind: 'user', user }, { action: 'supervision_order.ended', childId, subject: orderId, details: { endedDate: input.endedDate, endReason: input.endReason } }, tx);
        return { outcome: 'done', orderId };
      }, {});
    },

    /**
     * Correct an order as recorded (kind, made date, measures, residence, review due date), with a reason, as an
     * amendment; the looked after episode it started is corrected with it, in the same transaction (ADR 0025, 0026).
     * @example await supervisionOrders.correct(user, 'C1', 'SO-1', { ...order, madeDate: '2024-05-09' }, 'Date mistyped', 1)
     */
    async correct(user: SignedInUser, childId: string, orderId: string, corrected: OrderCorrection, reason: string, version: number): Promise<OrderChange> {
      const guarded = await guard(user, childId);
      if ('outcome' in guarded) return guarded;
      return change(async (tx) => {
        const order = await lockedOrder(tx, childId, orderId);
        if (!order) return { outcome: 'not_found' };
        const hearing = order.hearingId ? await repository.hearingOf(tx, childId, order.hearingId) : undefined;
        const problems = orderCorrectionProblems(order, corrected, hearing?.hearingDate);
        if (Object.keys(problems).length) return { outcome: 'problems', problems };
        if (!(await repository.correctOrder(tx, orderId, corrected, version))) return { outcome: 'problems', problems: { reason: 'Someone else corrected this order at the same time. Check it and save again.' } };
        const was = { date: order.madeDate, legalReason: legalReasonOfOrder[order.kind] };
        const now = { date: corrected.madeDate, legalReason: legalReasonOfOrder[corrected.kind] };
        if (was.date !== now.date || was.legalReason !== now.legalReason) {
          const episodeProblems = await episodes.amendWithOrder(tx, user, childId, { orderId, was, now, reason });
          if (Object.keys(episodeProblems).length) return { outcome: 'problems', problems: episodeProblems };
        }
        const changed = changedFields(orderInWords(order), orderInWords(corrected));
        await amendments.add(tx, { childId, recordKind: 'supervision_order', recordId: orderId, reason, ...changed, userId: user.userId });
        await audit.record({ kind: 'user', user }, { action: 'supervision_order.amended', childId, subject: orderId, reason, details: { ...changed } }, tx);
        return { outcome: 'done', orderId };
      }, {});
    },

    /**
     * Withdraw an order recorded in error, with its reviews, and a reason: it no longer counts anywhere; its amendment
     * keeps what it said. The episode it started is withdrawn with it, or starts from the next order made in it instead.
     * @example await supervisionOrders.withdraw(user, 'C1', 'SO-1', 'Recorded against the wrong child')
     */
    async withdraw(user: SignedInUser, childId: string, orderId: string, reason: string): Promise<OrderChange> {
      const guarded = await guard(user, childId);
      if ('outcome' in guarded) return guarded;
      return change(async (tx) => {
        const order = await lockedOrder(tx, childId, orderId);
        if (!order) return { outcome: 'not_found' };
        const others = (await repository.orders(tx, childId)).filter((o) => o.orderId !== orderId);
        const until = order.endedDate;
        const next = others.filter((o) => o.madeDate >= order.madeDate && (until === null || o.madeDate <= until)).sort((a, b) => a.madeDate.localeCompare(b.madeDate))[0];
        await repository.deleteOrder(tx, orderId);
        const later = next ? { date: next.madeDate, legalReason: legalReasonOfOrder[next.kind] } : null;
        const episodeProblems = await episodes.amendWithOrder(tx, user, childId, { orderId, was: { date: order.madeDate, legalReason: legalReasonOfOrder[order.kind] }, now: null, later, reason });
        if (Object.keys(episodeProblems).length) return { outcome: 'problems', problems: episodeProblems };
        const before = { ...orderInWords(order), Status: 'Recorded' };
        await amendments.add(tx, { childId, recordKind: 'supervision_order', recordId: orderId, reason, before, after: { Status: 'Withdrawn' }, userId: user.userId });
        await audit.record({ kind: 'user', user }, { action: 'supervision_order.withdrawn', childId, subject: orderId, reason, details: { before, reviews: order.reviews.length } }, tx);
        return { outcome: 'done', orderId };
      }, {});
    },

    /**
     * Orders in force whose review is overdue or due within 28 days of `today`, for children this person may see; audited.
     * @example await supervisionOrders.reviewsDue(manager, '2024-06-01')
     */
    async reviewsDue(user: SignedInUser, today: string): Promise<OrderReviewDue[]> {
      const all = await repository.reviewsDue(db, addDays(today, reviewsDueWithinDays));
      // A restricted record closed to this person keeps its row, by id only (issue 16, ADR 0044).
      const standing = await children.standingAmong(user, all.map((o) => o.childId));
      const shown = all.filter((o) => standing.open.has(o.childId) || standing.restricted.has(o.childId))
        .map((o) => (standing.restricted.has(o.childId) ? { ...o, name: restrictedRecordLabel(o.childId) } : o));
      await audit.record({ kind: 'user', user }, { action: 'supervision_order.reviews_due_viewed', details: { date: today, orders: shown.length } });
      return shown;
    },
  };
  return this_;
}
export type SupervisionOrderService = ReturnType<typeof supervisionOrderService>;
