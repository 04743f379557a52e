/** @module Codes for referrals: who referred, the pathway decided, and why a case closed (extract-format.md v1 and Cairn's own). */
import { codeList } from './codeList.js';

export const referralSource = codeList({
  education: 'Education',
  police: 'Police',
  health: 'Health',
  self_or_family: 'The family themselves',
  social_work: 'Social work',
  scra: "Children's Reporter (SCRA)",
  third_sector: 'Third sector',
  other: 'Other',
});
export const referralSources = referralSource.codes;
export type ReferralSource = (typeof referralSources)[number];
export const sourceLabels = referralSource.labels;

export const pathway = codeList({
  family_first: 'Family First',
  social_work_assessment: 'Social work assessment',
  signposted: 'Signposted to other services',
  no_further_action: 'No further action',
});
export const pathways = pathway.codes;
export type Pathway = (typeof pathways)[number];
export const pathwayLabels = pathway.labels;

export const closureReason = codeList({
  outcomes_met: 'The plan’s outcomes were met',
  stepped_down_universal: 'Stepped down to universal services',
  stepped_up_statutory: 'Stepped up to statutory social work',
  moved_away: 'The family moved away',
  family_declined: 'The family declined further support',
  other: 'Other',
});
export const closureReasons = closureReason.codes;
export type ClosureReason = (typeof closureReasons)[number];
export const closureReasonLabels = closureReason.labels;

/** How a Family First involvement ended. */
export const involvementEnding = codeList({
  step_up: 'Stepped up to statutory social work',
  step_down: 'Stepped down to universal services',
  closed: 'Closed',
});
export const involvementEndings = involvementEnding.codes;
export type InvolvementEnding = (typeof involvementEndings)[number];
export const endingLabels = involvementEnding.labels;
