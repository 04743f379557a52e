/** @module SQL for Compulsory Supervision Orders and their review hearings. */
import type { Queryable } from '../../db/database.js';
import type { OrderCorrection, OrderReview, OrderReviewDue, SupervisionOrder } from './supervisionOrder.js';
import { type EndReason, type OrderKind, type ReviewOutcome } from '../../platform/codes/reporterCodes.js';

interface OrderRow {
  order_id: string; child_id: string; kind: OrderKind; made_date: string; measures: string; residence: string | null; hearing_id: string | null;
  review_due_date: string; ended_date: string | null; end_reason: EndReason | null; version: number;
}
interface ReviewRow { review_id: string; order_id: string; review_date: string; outcome: ReviewOutcome; next_review_date: string | null; measures: string | null; hearing_id: string | null }

/** The next review date of each order: its latest review's, or the one set when it was made. */
const nextReviewSql = `coalesce((select r.next_review_date from supervision_order_reviews r where r.order_id = o.order_id
                                  order by r.review_date desc limit 1), o.review_due_date)`;

export function supervisionOrderRepository() {
  return {
    /** A child's orders, oldest first, each with its reviews in date order. */
    async orders(db: Queryable, childId: string): Promise<SupervisionOrder[]> {
      const rows = await db.query<OrderRow>(
        `select order_id, child_id, kind, made_date, measures, residence, hearing_id, review_due_date, ended_date, end_reason, version
           from supervision_orders where child_id = $1 order by made_date, order_id`, [childId]);
      const reviews = await db.query<ReviewRow>(
        `select r.review_id, r.order_id, r.review_date, r.outcome, r.next_review_date, r.measures, r.hearing_id
           from supervision_order_reviews r join supervision_orders o on o.order_id = r.order_id
          where o.child_id = $1 order by r.review_date, r.review_id`, [childId]);
      return rows.map((r) => ({
        orderId: r.order_id, childId: r.child_id, kind: r.kind, madeDate: r.made_date, measures: r.measures, residence: r.residence,
        hearingId: r.hearing_id, reviewDueDate: r.review_due_date, endedDate: r.ended_date, endReason: r.end_reason, version: r.version,
        reviews: reviews.filter((v) => v.order_id === r.order_id).map((v): OrderReview => ({
          reviewId: v.review_id, reviewDate: v.review_date, outcome: v.outcome, nextReviewDate: v.next_review_date, measures: v.measures, hearingId: v.hearing_id,
        })),
      }));
    },

    /** The child's hearing with this id (found through the child's referrals), with its date and outcome. */
    async hearingOf(db: Queryable, childId: string, hearingId: string): Promise<{ hearingId: string; hearingDate: string; outcome: string; reviewDate: string | null; ordered: boolean } | undefined> {
      const rows = await db.query<{ hearing_id: string; hearing_date: string; outcome: string; review_date: string | null; ordered: boolean }>(
        `select h.hearing_id, h.hearing_date, h.outcome, h.review_date,
                exists (select 1 from supervision_orders o where o.hearing_id = h.hearing_id) as ordered
           from scra_hearings h join scra_referrals s on s.scra_referral_id = h.scra_referral_id
          where s.child_id = $1 and h.hearing_id = $2`, [childId, hearingId]);
      const row = rows[0];
      return row && { hearingId: row.hearing_id, hearingDate: row.hearing_date, outcome: row.outcome, reviewDate: row.review_date, ordered: row.ordered };
    },

    /** Whether a review of an order has already been recorded from this hearing. */
    async hearingReviewed(db: Queryable, hearingId: string): Promise<boolean> {
      return (await db.query('select 1 from supervision_order_reviews where hearing_id = $1', [hearingId])).length > 0;
    },

    /** Lock the child's order (so two reviews of one order run one after the other); false when the child has no such order. */
    async lockOrder(db: Queryable, childId: string, orderId: string): Promise<boolean> {
      return (await db.query('select 1 from supervision_orders where order_id = $1 and child_id = $2 for update', [orderId, childId])).length > 0;
    },

    async insertOrder(db: Queryable, order: { orderId: string; childId: string; kind: OrderKind; madeDate: string; measures: string; residence: string | null; hearingId: string | null; reviewDueDate: string; recordedBy: string }): Promise<void> {
      await db.query(
        `insert into supervision_orders (order_id, child_id, kind, made_date, measures, residence, hearing_id, review_due_date, recorded_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [order.orderId, order.childId, order.kind, order.madeDate, order.measures, order.residence, order.hearingId, order.reviewDueDate, order.recordedBy]);
    },

    async insertReview(db: Queryable, review: { reviewId: string; orderId: string; reviewDate: string; outcome: ReviewOutcome; nextReviewDate: string | null; measures: string | null; hearingId: string | null; recordedBy: string }): Promise<void> {
      await db.query(
        `insert into supervision_order_reviews (review_id, order_id, review_date, outcome, next_review_date, measures, hearing_id, recorded_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [review.reviewId, review.orderId, review.reviewDate, review.outcome, review.nextReviewDate, review.measures, review.hearingId, review.recordedBy]);
    },

    async endOrder(db: Queryable, orderId: string, endedDate: string, endReason: EndReason): Promise<void> {
      await db.query('update supervision_orders set ended_date = $2, end_reason = $3 where order_id = $1', [orderId, endedDate, endReason]);
    },

    /** Correct an order as recorded, if nobody has since (`version`); false when someone got there first. */
    async correctOrder(db: Queryable, orderId: string, corrected: OrderCorrection, version: number): Promise<boolean> {
      const rows = await db.query(
        `update supervision_orders set kind = $2, made_date = $3, measures = $4, residence = $5, review_due_date = $6, version = version + 1
          where order_id = $1 and version = $7 returning order_id`,
        [orderId, corrected.kind, corrected.madeDate, corrected.measures, corrected.residence, corrected.reviewDueDate, version]);
      return rows.length > 0;
    },

    /** Remove a withdrawn order and its reviews. */
    async deleteOrder(db: Queryable, orderId: string): Promise<void> {
      await db.query('delete from supervision_order_reviews where order_id = $1', [orderId]);
      await db.query('delete from supervision_orders where order_id = $1', [orderId]);
    },

    /** Orders in force whose next review falls on or before `until`, with the child's name, soonest first. */
    async reviewsDue(db: Queryable, until: string): Promise<OrderReviewDue[]> {
      const rows = await db.query<{ order_id: string; child_id: string; forename: string | null; surname: string | null; kind: OrderKind; next_review_date: string }>(
        `select * from (
           select o.order_id, o.child_id, c.forename, c.surname, o.kind, ${nextReviewSql} as next_review_date
             from supervision_orders o join children c on c.child_id = o.child_id
            where o.ended_date is null) due
          where due.next_review_date <= $1::date
          order by due.next_review_date, due.surname, due.forename, due.order_id`, [until]);
      return rows.map((r) => ({
        orderId: r.order_id, childId: r.child_id, name: [r.forename, r.surname].filter(Boolean).join(' ') || 'Name not recorded', kind: r.kind, nextReviewDate: r.next_review_date,
      }));
    },
  };
}
export type SupervisionOrderRepository = ReturnType<typeof supervisionOrderRepository>;
