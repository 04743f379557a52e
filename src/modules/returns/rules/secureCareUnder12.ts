/** @module P101: secure care for a child under 12. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';
import { ageOn } from '../../../platform/dates/isoDates.js';

export const secureCareUnder12: Rule = {
  code: 'P101',
  kind: 'error',
  message: 'The child was placed in secure care under the age of 12',
  meaning: 'A secure placement in the year starting before the child was 12. A child under 12 is placed in secure accommodation only with the Scottish Ministers\' consent, which is very rare: the placement type or the date of birth is likely wrong.',
  tables: ['placements', 'children'],
  fields: ['placements.placementType', 'children.dateOfBirth'],
  check: (context) =>
    context.placementsInYear()
      .filter((placement) => placement.placementType === 'secure')
      .flatMap((placement) => {
        const child = context.child(placement.childId);
        return child && ageOn(child.dateOfBirth, placement.startDate) < 12 ? [breachOf('placements', placement, { detail: `aged ${ageOn(child.dateOfBirth, placement.startDate)}` })] : [];
      }),
};
