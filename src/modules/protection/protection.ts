/** @module The child protection register: areas of concern, reasons for de-registration, and the 18-month re-registration rule. */
import { calendarMonthsBefore } from '../reporting/periods.js';
import { addMonths } from '../../platform/dates/isoDates.js';

/** What a change to the register came to: done, refused with what was wrong, forbidden, or no such record. */
export type ProtectionChange =
  | { outcome: 'done'; reregisteredAfter?: string; meetingId?: string }
  | { outcome: 'problems'; problems: Record<string, string> }
  | { outcome: 'forbidden' }
  | { outcome: 'not_found' };

export interface Registration {
  registrationId: string;
  childId: string;
  registeredDate: string;
  deregisteredDate: string | null;
  concerns: string[];
  deregistrationReason: string | null;
  /** The planning meeting that decided it (older and imported registrations may have none). */
  meetingId: string | null;
  version: number;
}

/** A child on the register today, as the register page lists them. */
export interface RegisteredChild {
  childId: string;
  name: string;
  registeredDate: string;
  concerns: string[];
  previousDeregistration: string | null;
  /** Restricted and closed to the viewer (ADR 0044): listed as "Restricted record" with the id only. */
  restricted?: true;
}

/**
 * The de-registration that makes registering on `registeredDate` a re-registration within 18 calendar months:
 * one on or after the date 18 months before and not after it (the rule of `cp.reregistrations_18m_pct`).
 * @example reregistrationWithin18Months(['2023-01-10'], '2024-06-01') // '2023-01-10'
 */
export function reregistrationWithin18Months(deregisteredDates: readonly (string | null)[], registeredDate: string): string | undefined {
  const earliest = calendarMonthsBefore(registeredDate, 18);
  return deregisteredDates
    .filter((d): d is string => d !== null && d >= earliest && d <= registeredDate)
    .sort()
    .at(-1);
}

/**
 * Whole days on the register up to `today` (from the registered date).
 * @example daysOnRegister('2024-01-01', '2024-03-01') // 60
 */
export function daysOnRegister(registeredDate: string, today: string): number {
  return Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${registeredDate}T00:00:00Z`)) / 86_400_000));
}

/** An inter-agency referral discussion, or a child protection planning meeting, as the child's page lists it. */
export interface ProtectionEvent {
  id: string;
  date: string;
  kind: string | null;
  decision: string;
  version: number;
}

/**
 * When child protection review meetings are due, written once. Source: National Guidance for Child Protection in
 * Scotland 2021 (updated 2023), part 3, review child protection planning meetings: the first review is held within
 * 3 months of registration, and later reviews at intervals of no more than 6 months while the child is registered.
 */
export const reviewIntervals = { firstReviewMonths: 3, laterReviewMonths: 6 } as const;

/**
 * The last day the next review meeting may be held for a registration made on `registeredDate`, given the dates of
 * the review meetings held since (any order): 3 months after registration, then 6 months after the latest review.
 * @example nextReviewDue('2024-01-15', []) // '2024-04-15'
 * @example nextReviewDue('2024-01-15', ['2024-04-10']) // '2024-10-10'
 */
export function nextReviewDue(registeredDate: string, reviewDates: readonly string[]): string {
  const latest = reviewDates.filter((d) => d >= registeredDate).sort().at(-1);
  return latest ? addMonths(latest, reviewIntervals.laterReviewMonths) : addMonths(registeredDate, reviewIntervals.firstReviewMonths);
}
