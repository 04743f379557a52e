/**
 * @module Panels other modules' pages include: the orders in force on a child's looked after page, and the supervision
 * order reviews due on the managers' Protection and care hub. Each is a view model for its partial in views/.
 */
import { paths } from '../../platform/http/paths.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { orderKind } from '../../platform/codes/reporterCodes.js';
import { nextReviewDate, reviewStatus, type OrderReviewDue, type SupervisionOrder } from './supervisionOrder.js';

/** @example reviewText(order, '2024-06-01') // '10 May 2025 (due in 343 days)' */
export function reviewText(order: SupervisionOrder, today: string): string {
  const next = nextReviewDate(order);
  return `${longDateOf(next)} (${reviewStatus(next, today).toLowerCase()})`;
}

/**
 * Orders in force with their next review date, for the child's looked after page.
 * @example presentOrdersInForce(child, orders, '2024-06-01') // { href: '/children/C1/care/orders', orders: [{ text: '…', review: '…' }] }
 */
export function presentOrdersInForce(child: { childId: string }, orders: readonly SupervisionOrder[], today: string) {
  return {
    href: paths.supervisionOrders.child(child),
    orders: orders.filter((o) => !o.endedDate).map((o) => ({ text: `${orderKind.label(o.kind)}, made on ${longDateOf(o.madeDate)}`, review: `Review by ${reviewText(o, today)}` })),
  };
}

/**
 * The managers' list: orders whose review is overdue or due within 28 days.
 * @example presentReviewsDue(rows, '2024-06-01')[0].status // 'Overdue by 3 days'
 */
export function presentReviewsDue(rows: readonly OrderReviewDue[], today: string) {
  return rows.map((r) => ({
    name: r.name, href: paths.supervisionOrders.child(r), order: orderKind.label(r.kind), reviewBy: longDateOf(r.nextReviewDate),
    status: reviewStatus(r.nextReviewDate, today), overdue: r.nextReviewDate < today,
  }));
}
