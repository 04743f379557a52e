/** @module A Family First involvement: the family's plan, sessions with them, their own words, and how it ended. */
import type { Queryable } from '../../db/database.js';
import type { Amendment } from '../../platform/amendments/amendment.js';
import { type ClosureReason, InvolvementEnding } from '../../platform/codes/referralCodes.js';


export interface Involvement {
  involvementId: string;
  caseId: string;
  childId: string;
  childName: string;
  referralId: string | null;
  startedDate: string;
  plan: string | null;
  endedDate: string | null;
  ending: InvolvementEnding | null;
  endingNotes: string | null;
  team: string | null;
  workerId: string | null;
  /** Bumped by every change to the plan (optimistic versions, ADR 0020). */
  version: number;
  /** The referral a step up sent to the statutory team's tray. */
  steppedUpReferralId: string | null;
}

export interface FamilySession {
  sessionId: string;
  sessionDate: string;
  who: string;
  whatWasDone: string;
  version: number;
}

/** A session's fields as a person corrects them. */
export type SessionDetails = Pick<FamilySession, 'sessionDate' | 'who' | 'whatWasDone'>;

/**
 * How a Family First involvement ends, said once: the case's closure reason decides the involvement's ending
 * (a step up, a step down, or closed), and a step up names the statutory team whose tray the referral goes to.
 */
export interface Ending {
  endedDate: string;
  reason: ClosureReason;
  notes: string | null;
  stepUpTeam: string | null;
}

/** @example endingFor('stepped_up_statutory') // 'step_up' */
export function endingFor(reason: ClosureReason): InvolvementEnding {
  if (reason === 'stepped_up_statutory') return 'step_up';
  if (reason === 'stepped_down_universal') return 'step_down';
  return 'closed';
}

/**
 * What Family First needs from the referrals module, inside its own transaction, so that a step up or a closure is
 * one action: close the case (and the referral that opened it), and send a new referral to a team's tray. The
 * referrals module implements it (src/modules/referrals/familyFirstHandOver.ts); the composition root passes it in.
 */
export interface CaseHandOver {
  closeCase(tx: Queryable, closure: { caseId: string; closedDate: string; reason: ClosureReason; notes: string | null; userId: string }): Promise<void>;
  /** Record a referral (from social work) in `team`'s tray; returns its id. */
  refer(tx: Queryable, referral: { childId: string; team: string; receivedDate: string; reason: string; recordedBy: string }): Promise<string>;
}

export interface FamilyFeedback {
  feedbackId: string;
  givenDate: string;
  words: string;
  consentToQuote: boolean;
}

export interface InvolvementRecord {
  involvement: Involvement;
  sessions: FamilySession[];
  feedback: FamilyFeedback[];
  /** Corrections and withdrawals of this involvement's sessions, oldest first. */
  amendments: Amendment[];
  /** Withdrawn sessions, kept for the history only. */
  withdrawn: FamilySession[];
}
