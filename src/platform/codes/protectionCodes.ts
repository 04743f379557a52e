/** @module Codes for child protection: areas of concern, de-registration reasons, IRD and planning meeting decisions. */
import { codeList } from './codeList.js';

export const concern = codeList({
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
});
export const concernCodes = concern.codes;
export type Concern = (typeof concernCodes)[number];
export const concernLabels = concern.labels;

export const deregistrationReason = codeList({
  improved_home_situation: 'Improved home situation',
  child_looked_after: 'Child became looked after',
  moved_away: 'Moved to another area',
  other: 'Other',
});
export const deregistrationReasons = deregistrationReason.codes;
export type DeregistrationReason = (typeof deregistrationReasons)[number];
export const deregistrationReasonLabels = deregistrationReason.labels;

export const irdDecision = codeList({
  joint_investigation: 'Joint investigation by police and social work',
  child_protection_assessment: 'Child protection assessment by social work',
  single_agency_support: 'Support from one agency',
  no_further_action: 'No further action',
});
export const irdDecisions = irdDecision.codes;
export type IrdDecision = (typeof irdDecisions)[number];
export const irdDecisionLabels = irdDecision.labels;

export const meetingKind = codeList({ initial: 'Initial', pre_birth: 'Pre-birth', review: 'Review', transfer: 'Transfer in' });
export const meetingKinds = meetingKind.codes;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingKindLabels = meetingKind.labels;

export const meetingDecision = codeList({ register: 'Register', do_not_register: 'Do not register', continue_registration: 'Continue registration', deregister: 'De-register' });
export const meetingDecisions = meetingDecision.codes;
export type MeetingDecision = (typeof meetingDecisions)[number];
export const meetingDecisionLabels = meetingDecision.labels;
