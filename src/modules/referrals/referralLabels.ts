/** @module The words people read for referral sources, pathways, stages and closure reasons. */
import type { ClosureReason, Pathway, ReferralSource, ReferralStage } from './referral.js';

export const sourceLabels: Record<ReferralSource, string> = {
  education: 'Education',
  police: 'Police',
  health: 'Health',
  self_or_family: 'The family themselves',
  social_work: 'Social work',
  scra: "Children's Reporter (SCRA)",
  third_sector: 'Third sector',
  other: 'Other',
};

export const pathwayLabels: Record<Pathway, string> = {
  family_first: 'Family First',
  social_work_assessment: 'Social work assessment',
  signposted: 'Signposted to other services',
  no_further_action: 'No further action',
};

export const stageLabels: Record<ReferralStage, string> = {
  new: 'New',
  awaiting_decision: 'Awaiting decision',
  awaiting_allocation: 'Awaiting allocation',
  allocated: 'Allocated',
  closed: 'Closed',
};

export const closureReasonLabels: Record<ClosureReason, string> = {
  outcomes_met: 'The plan’s outcomes were met',
  stepped_down_universal: 'Stepped down to universal services',
  stepped_up_statutory: 'Stepped up to statutory social work',
  moved_away: 'The family moved away',
  family_declined: 'The family declined further support',
  other: 'Other',
};
