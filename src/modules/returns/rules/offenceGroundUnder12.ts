/** @module S101: an offence ground for a child under 12 since the age of criminal responsibility rose. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';
import { ageOn } from '../../../platform/dates/isoDates.js';

/** The Age of Criminal Responsibility (Scotland) Act 2019 came fully into force on this day. */
export const ageOfCriminalResponsibility12From = '2021-12-17';

export const offenceGroundUnder12: Rule = {
  code: 'S101',
  kind: 'error',
  message: 'The referral to the Reporter is on the offence ground for a child under 12',
  meaning:
    'A referral to the Children\'s Reporter on or after 17 December 2021 on the ground that the child committed an offence (section 67(2)(j)) when the child was under 12. Since that day no child under 12 can be referred on that ground (Age of Criminal Responsibility (Scotland) Act 2019); the ground or the date of birth is wrong.',
  tables: ['reporterReferrals', 'children'],
  fields: ['reporterReferrals.ground', 'reporterReferrals.referralDate', 'children.dateOfBirth'],
  check: (context) =>
    context.records.reporterReferrals
      .filter((referral) => referral.ground === 'j' && referral.referralDate >= ageOfCriminalResponsibility12From && referral.referralDate >= context.year.start && referral.referralDate <= context.year.census)
      .flatMap((referral) => {
        const child = context.child(referral.childId);
        return child && ageOn(child.dateOfBirth, referral.referralDate) < 12 ? [breachOf('reporterReferrals', referral, { detail: `aged ${ageOn(child.dateOfBirth, referral.referralDate)}` })] : [];
      }),
};
