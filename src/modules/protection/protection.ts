/** @module The child protection register: areas of concern, reasons for de-registration, and the 18-month re-registration rule. */
import { calendarMonthsBefore } from '../reporting/periods.js';

export const concernCodes = [
  'domestic_abuse', 'neglect', 'parental_mental_health', 'parental_drug_misuse', 'parental_alcohol_misuse', 'emotional_abuse', 'physical_abuse',
  'sexual_abuse', 'child_sexual_exploitation', 'child_trafficking', 'non_engaging_family', 'placing_self_at_risk', 'other',
] as const;
export type Concern = (typeof concernCodes)[number];

export const concernLabels: Record<Concern, string> = {
  domestic_abuse: 'Domestic abuse',
  neglect: 'Neglect',
  parental_mental_health: 'Parental mental health problems',
  parental_drug_misuse: 'Parental drug misuse',
  parental_alcohol_misuse: 'Parental alcohol misuse',
  emotional_abuse: 'Emotional abuse',
  physical_abuse: 'Physical abuse',
  sexual_abuse: 'Sexual abuse',
  child_sexual_exploitation: 'Child sexual exploitation',
  child_trafficking: 'Child trafficking',
  non_engaging_family: 'Non-engaging family',
  placing_self_at_risk: 'Child placing themselves at risk',
  other: 'Other concern',
};

export const deregistrationReasons = ['improved_home_situation', 'child_looked_after', 'moved_away', 'other'] as const;
export type DeregistrationReason = (typeof deregistrationReasons)[number];
export const deregistrationReasonLabels: Record<DeregistrationReason, string> = {
  improved_home_situation: 'Improved home situation',
  child_looked_after: 'Child became looked after',
  moved_away: 'Moved to another area',
  other: 'Other',
};

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

export const irdDecisions = ['joint_investigation', 'child_protection_assessment', 'single_agency_support', 'no_further_action'] as const;
export type IrdDecision = (typeof irdDecisions)[number];
export const irdDecisionLabels: Record<IrdDecision, string> = {
  joint_investigation: 'Joint investigation by police and social work',
  child_protection_assessment: 'Child protection assessment by social work',
  single_agency_support: 'Support from one agency',
  no_further_action: 'No further action',
};

export const meetingKinds = ['initial', 'pre_birth', 'review', 'transfer'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingKindLabels: Record<MeetingKind, string> = {
  initial: 'Initial', pre_birth: 'Pre-birth', review: 'Review', transfer: 'Transfer in',
};
export const meetingDecisions = ['register', 'do_not_register', 'continue_registration', 'deregister'] as const;
export type MeetingDecision = (typeof meetingDecisions)[number];
export const meetingDecisionLabels: Record<MeetingDecision, string> = {
  register: 'Register', do_not_register: 'Do not register', continue_registration: 'Continue registration', deregister: 'De-register',
};

/** An inter-agency referral discussion, or a child protection planning meeting, as the child's page lists it. */
export interface ProtectionEvent {
  id: string;
  date: string;
  kind: string | null;
  decision: string;
}
