/** @module The child protection register: areas of concern, reasons for de-registration, and the 18-month re-registration rule. */
import { calendarMonthsBefore } from '../reporting/periods.js';

export interface Registration {
  registrationId: string;
  childId: string;
  registeredDate: string;
  deregisteredDate: string | null;
  concerns: string[];
  deregistrationReason: string | null;
}

/** A child on the register today, as the register page lists them. */
export interface RegisteredChild {
  childId: string;
  name: string;
  registeredDate: string;
  concerns: string[];
  previousDeregistration: string | null;
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
}
