/** @module Referrals to the Children's Reporter: the section 67(2) grounds, the Reporter's decisions and hearing outcomes. */
import { ground, hearingOutcome, reporterDecision, type HearingOutcome } from '../../platform/codes/reporterCodes.js';
import { longDateOf } from '../../platform/dates/formats.js';

/** Outcomes that leave an order in force, which must be reviewed by a date. */
export const outcomesNeedingReview: readonly HearingOutcome[] = ['cso_made', 'cso_varied', 'cso_continued', 'interim_cso'];

export interface ScraReferral {
  scraReferralId: string;
  childId: string;
  referralDate: string;
  ground: string;
  decision: string | null;
  decisionDate: string | null;
  /** Bumped by every correction, for optimistic versions (ADR 0020). */
  version: number;
  hearings: ScraHearing[];
}

export interface ScraHearing {
  hearingId: string;
  hearingDate: string;
  outcome: string;
  reviewDate: string | null;
  version: number;
}

/** A referral as corrected: its date and ground, and the Reporter's decision on it if one was recorded. */
export interface ReferralCorrection {
  referralDate: string;
  ground: string;
  decision: string | null;
  decisionDate: string | null;
}

/** A hearing outcome as corrected. */
export interface HearingCorrection {
  hearingDate: string;
  outcome: string;
  reviewDate: string | null;
}

/**
 * A referral as its history shows it, in words, before or after a correction or withdrawal.
 * @example referralInWords({ referralDate: '2024-04-02', ground: 'j', decision: null, decisionDate: null })['Reporter’s decision'] // 'None recorded'
 */
export function referralInWords(referral: ReferralCorrection | null): Record<string, string> {
  if (!referral) return { Status: 'Withdrawn' };
  return {
    'Date of referral': longDateOf(referral.referralDate),
    Ground: ground.label(referral.ground),
    'Reporter’s decision': referral.decision ? reporterDecision.label(referral.decision) : 'None recorded',
    'Date of the decision': referral.decisionDate ? longDateOf(referral.decisionDate) : 'None recorded',
    Status: 'Recorded',
  };
}

/**
 * A hearing outcome as its history shows it, in words, before or after a correction or withdrawal.
 * @example hearingInWords({ hearingDate: '2024-06-10', outcome: 'deferred', reviewDate: null }).Outcome // 'Deferred'
 */
export function hearingInWords(hearing: HearingCorrection | null): Record<string, string> {
  if (!hearing) return { Status: 'Withdrawn' };
  return {
    'Date of the hearing': longDateOf(hearing.hearingDate),
    Outcome: hearingOutcome.label(hearing.outcome),
    'Review by': hearing.reviewDate ? longDateOf(hearing.reviewDate) : 'None',
    Status: 'Recorded',
  };
}
