/** @module Codes for the Children's Reporter: section 67(2) grounds, decisions, hearing outcomes, and Compulsory Supervision Orders. */
import { codeList } from './codeList.js';

/** Section 67(2) of the Children's Hearings (Scotland) Act 2011, in short. `j` is the offence ground. */
export const ground = codeList({
  a: '(a) Lack of parental care',
  b: '(b) A schedule 1 offence committed against the child',
  c: '(c) Close connection with a schedule 1 offender',
  d: '(d) Same household as a child a schedule 1 offence was committed against',
  e: '(e) Exposed to people whose conduct is likely to harm the child',
  f: '(f) Close connection with someone who has carried out domestic abuse',
  g: '(g) Close connection with a sexual offender (Sexual Offences (Scotland) Act 2009)',
  h: '(h) Accommodated under section 25 and special measures are needed',
  i: '(i) Permanence order in force and special measures are needed',
  j: '(j) The child has committed an offence',
  k: '(k) The child has misused alcohol',
  l: '(l) The child has misused a drug',
  m: '(m) The child’s conduct seriously harms them or others',
  n: '(n) Beyond the control of a relevant person',
  o: '(o) Not attending school without reasonable excuse',
  p: '(p) Pressure to enter a civil partnership',
  q: '(q) Pressure to marry',
});
export const scraGrounds = ground.codes;
export type ScraGround = (typeof scraGrounds)[number];
export const groundLabels = ground.labels;

export const reporterDecision = codeList({
  hearing_arranged: 'Children’s hearing arranged',
  referred_to_local_authority: 'Referred to the council for voluntary support',
  no_further_action: 'No further action',
  other: 'Other',
});
export const reporterDecisions = reporterDecision.codes;
export type ReporterDecision = (typeof reporterDecisions)[number];
export const reporterDecisionLabels = reporterDecision.labels;

export const hearingOutcome = codeList({
  cso_made: 'Compulsory Supervision Order made',
  cso_varied: 'Compulsory Supervision Order varied',
  cso_continued: 'Compulsory Supervision Order continued',
  interim_cso: 'Interim Compulsory Supervision Order',
  cso_terminated: 'Compulsory Supervision Order ended',
  deferred: 'Decision deferred',
  discharged: 'Referral discharged',
  other: 'Other',
});
export const hearingOutcomes = hearingOutcome.codes;
export type HearingOutcome = (typeof hearingOutcomes)[number];
export const hearingOutcomeLabels = hearingOutcome.labels;

export const orderKind = codeList({
  cso_home: 'Compulsory Supervision Order, at home (no residence condition)',
  cso_away: 'Compulsory Supervision Order with a residence condition',
  interim_cso: 'Interim Compulsory Supervision Order',
});
export const orderKinds = orderKind.codes;
export type OrderKind = (typeof orderKinds)[number];
export const orderKindLabels = orderKind.labels;

export const reviewOutcome = codeList({ continued: 'Continued', varied: 'Varied', terminated: 'Terminated (the order ends)' });
export const reviewOutcomes = reviewOutcome.codes;
export type ReviewOutcome = (typeof reviewOutcomes)[number];
export const reviewOutcomeLabels = reviewOutcome.labels;

export const orderEndReason = codeList({
  terminated_at_hearing: 'Terminated at a children’s hearing',
  replaced_by_new_order: 'Replaced by a new order',
  interim_expired: 'Interim order expired',
  turned_18: 'The young person turned 18',
  permanence_order: 'Replaced by a permanence order',
  other: 'Other',
});
export const endReasons = orderEndReason.codes;
export type EndReason = (typeof endReasons)[number];
export const endReasonLabels = orderEndReason.labels;
