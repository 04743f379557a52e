/** @module C110: a school-age looked after child with no school recorded. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';
import { ageOn } from '../../../platform/dates/isoDates.js';
import { openOn } from '../ruleContext.js';

export const schoolAgeWithoutSchool: Rule = {
  code: 'C110',
  kind: 'query',
  message: 'The child is of school age and looked after, but no school is recorded',
  meaning:
    "A child looked after on the census date (or today) aged 5 to 15 with no school recorded. The looked after return is matched to school records (by the Scottish Candidate Number, which Cairn does not hold yet); the school is the first step to it.",
  tables: ['children', 'episodes'],
  fields: ['children.school'],
  check(context) {
    const on = context.asAt;
    const lookedAfter = new Set(context.episodesInYear().filter((episode) => openOn(episode, on)).map((episode) => episode.childId));
    return context.childrenInYear()
      .filter((child) => lookedAfter.has(child.childId) && !child.school)
      .filter((child) => ageOn(child.dateOfBirth, on) >= 5 && ageOn(child.dateOfBirth, on) <= 15)
      .map((child) => breachOf('children', child, { detail: `aged ${ageOn(child.dateOfBirth, on)} on ${on}` }));
  },
};
