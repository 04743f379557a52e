/**
 * @module The contract between Compulsory Supervision Orders and looked after episodes (ADR 0025): in Scotland a child
 * on a CSO is looked after (at home without a residence condition, away from home with one), so recording an order
 * starts or updates the child's episode, and ending the last order in force ends it, in the same transaction. The
 * looked after module implements `OrderEpisodes`; the composition root hands it to the supervision order service.
 */
import type { Queryable } from '../../db/database.js';
import type { SignedInUser } from '../../platform/access/user.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import type { LegalReason, ReasonEnded } from '../../platform/codes/careCodes.js';
import type { OrderKind } from '../../platform/codes/reporterCodes.js';

/** The legal reason of the looked after episode an order of this kind makes (the codes match one for one). */
export const legalReasonOfOrder: Record<OrderKind, LegalReason> = { cso_home: 'cso_home', cso_away: 'cso_away', interim_cso: 'interim_cso' };

/** Episodes held under an order: these, and only these, follow the orders. */
export const orderLegalReasons: readonly string[] = Object.values(legalReasonOfOrder);

/**
 * What happened to the child's orders: one was made (the episode starts, or takes the order's legal reason), or one
 * ended — with another still in force (the episode takes its legal reason) or none (the episode ends, for
 * `reasonEnded`, which the worker confirms on the form).
 */
export type OrderEpisodeChange =
  | { change: 'made'; orderId: string; date: string; legalReason: LegalReason }
  | { change: 'ended'; orderId: string; date: string; stillInForce: LegalReason | null; reasonEnded: ReasonEnded | null };

export interface OrderEpisodes {
  /**
   * Bring the child's looked after episode into line with their orders, inside `tx`, auditing each change. Returns the
   * problems (empty when done), keyed by the order form's fields.
   */
  followOrder(tx: Queryable, user: SignedInUser, childId: string, change: OrderEpisodeChange): Promise<FieldErrors>;
}
