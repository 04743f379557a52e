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

/**
 * An order corrected (`now`: its corrected made date and legal reason) or withdrawn (`now` null), with the reason
 * given: the episode the order started (on `was.date`, under an order's legal reason) is corrected or withdrawn with it.
 */
export interface OrderEpisodeAmendment {
  orderId: string;
  was: { date: string; legalReason: LegalReason };
  now: { date: string; legalReason: LegalReason } | null;
  /** On withdrawal: the next order made in the same episode, which the episode then starts from. */
  later?: { date: string; legalReason: LegalReason } | null;
  reason: string;
}

export interface OrderEpisodes {
  /**
   * Correct or withdraw the episode an order started, inside `tx`, as an amendment with the order's reason, audited.
   * Returns the problems (empty when done, or when the order started no episode), keyed by the order form's fields.
   */
  amendWithOrder(tx: Queryable, user: SignedInUser, childId: string, amendment: OrderEpisodeAmendment): Promise<FieldErrors>;

  /**
   * Bring the child's looked after episode into line with their orders, inside `tx`, auditing each change. Returns the
   * problems (empty when done), keyed by the order form's fields.
   */
  followOrder(tx: Queryable, user: SignedInUser, childId: string, change: OrderEpisodeChange): Promise<FieldErrors>;
}
