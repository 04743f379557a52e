/** @module S103: a referral to the Reporter dated after today. */
import { notInFuture } from '../families/notInFuture.js';

export const reporterReferralInFuture = notInFuture({
  code: 'S103',
  kind: 'error',
  table: 'reporterReferrals',
  field: 'referralDate',
  message: 'The referral to the Reporter is dated in the future',
  meaning: "A referral to the Children's Reporter dated after the day the rules run: a typing slip.",
});
