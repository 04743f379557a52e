/** @module S102: a referral to the Reporter before the child was born. */
import { datesInOrder } from '../families/datesInOrder.js';

export const reporterReferralBeforeBirth = datesInOrder({
  code: 'S102',
  kind: 'error',
  table: 'reporterReferrals',
  later: 'referralDate',
  earlierField: 'children.dateOfBirth',
  earlier: (referral, context) => context.child(referral.childId)?.dateOfBirth,
  message: 'The referral to the Reporter is dated before the child was born',
  meaning: "A referral to the Children's Reporter in the year dated before the child's date of birth: one of the two dates is wrong.",
  scope: (context) => context.records.reporterReferrals.filter((referral) => referral.referralDate <= context.year.census),
  reads: ['children'],
});
