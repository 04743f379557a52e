/** @module Referrals to the Children's Reporter: the section 67(2) grounds, the Reporter's decisions and hearing outcomes. */

/** Section 67(2) of the Children's Hearings (Scotland) Act 2011, in short. `j` is the offence ground. */
export const groundLabels: Record<string, string> = {
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
};
export const grounds = Object.keys(groundLabels);

export const reporterDecisions = ['hearing_arranged', 'referred_to_local_authority', 'no_further_action', 'other'] as const;
export type ReporterDecision = (typeof reporterDecisions)[number];
export const reporterDecisionLabels: Record<ReporterDecision, string> = {
  hearing_arranged: 'Children’s hearing arranged',
  referred_to_local_authority: 'Referred to the council for voluntary support',
  no_further_action: 'No further action',
  other: 'Other',
};

export const hearingOutcomes = ['cso_made', 'cso_varied', 'cso_continued', 'interim_cso', 'cso_terminated', 'deferred', 'discharged', 'other'] as const;
export type HearingOutcome = (typeof hearingOutcomes)[number];
export const hearingOutcomeLabels: Record<HearingOutcome, string> = {
  cso_made: 'Compulsory Supervision Order made',
  cso_varied: 'Compulsory Supervision Order varied',
  cso_continued: 'Compulsory Supervision Order continued',
  interim_cso: 'Interim Compulsory Supervision Order',
  cso_terminated: 'Compulsory Supervision Order ended',
  deferred: 'Decision deferred',
  discharged: 'Referral discharged',
  other: 'Other',
};
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
