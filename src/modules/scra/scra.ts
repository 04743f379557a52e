/** @module Referrals to the Children's Reporter: the section 67(2) grounds, the Reporter's decisions and hearing outcomes. */
import type { HearingOutcome } from '../../platform/codes/reporterCodes.js';

/** Outcomes that leave an order in force, which must be reviewed by a date. */
export const outcomesNeedingReview: readonly HearingOutcome[] = ['cso_made', 'cso_varied', 'cso_continued', 'interim_cso'];

export interface ScraReferral {
  scraReferralId: string;
  childId: string;
  referralDate: string;
  ground: string;
  decision: string | null;
  decisionDate: string | null;
  hearings: { hearingId: string; hearingDate: string; outcome: string; reviewDate: string | null }[];
}
