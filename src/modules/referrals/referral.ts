/** @module A referral as Cairn runs it: from arrival, through screening and a pathway decision, to allocation. */
import { Pathway, ReferralSource } from '../../platform/codes/referralCodes.js';

/** Pathways that lead to a worker being allocated and a case opened; the others close the referral. */
export const allocatedPathways: readonly Pathway[] = ['family_first', 'social_work_assessment'];

/** Where a referral is in its life. */
export type ReferralStage = 'new' | 'awaiting_decision' | 'awaiting_allocation' | 'allocated' | 'closed' | 'withdrawn';

/** A child named on a new referral: one already recorded, or one to be recorded now. */
export type ReferredChild =
  | { kind: 'existing'; childId: string }
  | { kind: 'new'; forename: string; surname: string; dateOfBirth: string };

export interface NewReferral {
  receivedDate: string;
  source: ReferralSource;
  reason: string;
  schoolCluster: string | null;
  team: string;
  children: ReferredChild[];
}

export interface ReferralRecord {
  referralId: string;
  groupId: string;
  childId: string;
  childName: string;
  dateOfBirth: string;
  receivedDate: string;
  source: ReferralSource;
  reason: string;
  schoolCluster: string | null;
  team: string;
  screeningNotes: string | null;
  screenedAt: Date | null;
  pathway: Pathway | null;
  decisionReason: string | null;
  decidedDate: string | null;
  caseId: string | null;
  workerId: string | null;
  caseClosedDate: string | null;
  /** Bumped by every change, so a form saved against an older version is merged (ADR 0020). */
  version: number;
  /** Set when the referral was withdrawn as recorded in error. */
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
}

/** What the "Change the referral's details" form edits while the referral is undecided. */
export interface ReferralDetails {
  source: ReferralSource;
  reason: string;
  schoolCluster: string | null;
  team: string;
}

/** One child's part in a group decision: their own pathway, reason and worker when excepted, else the group's. */
export interface ChildDecision {
  referralId: string;
  /** The version of the referral the form showed. */
  version: number;
  pathway: Pathway;
  reason: string;
  /** A worker to allocate to now, for Family First and social work assessment; null leaves it awaiting allocation. */
  workerId: string | null;
}

/** Screening, a decision and (where the pathway has one) an allocation for each child of a sibling group, at once. */
export interface GroupDecision {
  screeningNotes: string | null;
  decidedDate: string;
  openedDate: string | null;
  children: ChildDecision[];
}

/**
 * Where a referral is: new until screened, awaiting a decision until its pathway is decided, then awaiting
 * allocation (Family First and social work assessment) or closed (signposted, no further action).
 * @example referralStage({ screenedAt: null, pathway: null, caseId: null, caseClosedDate: null }) // 'new'
 */
export function referralStage(referral: Pick<ReferralRecord, 'screenedAt' | 'pathway' | 'caseId' | 'caseClosedDate'> & { withdrawnAt?: Date | null }): ReferralStage {
  if (referral.withdrawnAt) return 'withdrawn';
  if (referral.pathway === null) return referral.screenedAt === null ? 'new' : 'awaiting_decision';
  if (!allocatedPathways.includes(referral.pathway)) return 'closed';
  if (referral.caseId === null) return 'awaiting_allocation';
  return referral.caseClosedDate === null ? 'allocated' : 'closed';
}

/**
 * The last day a decision is on time: `targetDays` after the day the referral was received.
 * @example decisionDueDate('2022-03-01', 7) // '2022-03-08'
 */
export function decisionDueDate(receivedDate: string, targetDays: number): string {
  const due = new Date(`${receivedDate}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + targetDays);
  return due.toISOString().slice(0, 10);
}

/**
 * An undecided referral is overdue once today is after its due date.
 * @example isOverdue({ pathway: null, receivedDate: '2022-03-01' }, 7, '2022-03-09') // true
 */
export function isOverdue(referral: Pick<ReferralRecord, 'pathway' | 'receivedDate'> & { withdrawnAt?: Date | null }, targetDays: number, today: string): boolean {
  return referral.pathway === null && !referral.withdrawnAt && today > decisionDueDate(referral.receivedDate, targetDays);
}

