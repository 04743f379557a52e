/** @module The words people read for referral sources, pathways, stages and closure reasons. */
import type { ReferralStage } from './referral.js';

export const stageLabels: Record<ReferralStage, string> = {
  new: 'New',
  awaiting_decision: 'Awaiting decision',
  awaiting_allocation: 'Awaiting allocation',
  allocated: 'Allocated',
  closed: 'Closed',
  withdrawn: 'Withdrawn (recorded in error)',
};

