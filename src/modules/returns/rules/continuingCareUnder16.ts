/** @module E118: an episode ended with continuing care for a child under 16. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';
import { ageOn } from '../../../platform/dates/isoDates.js';

export const continuingCareUnder16: Rule = {
  code: 'E118',
  kind: 'error',
  message: 'The episode ended with continuing care, but the child was under 16',
  meaning: 'An episode that ended in the year with "continuing care" when the child was under 16. Continuing care is for young people leaving care at 16 or over (Children and Young People (Scotland) Act 2014, Part 11).',
  tables: ['episodes', 'children'],
  fields: ['episodes.reasonEnded', 'children.dateOfBirth'],
  check: (context) =>
    context.episodesInYear().flatMap((episode) => {
      const child = context.child(episode.childId);
      if (!child || episode.reasonEnded !== 'continuing_care' || episode.endDate === null) return [];
      return ageOn(child.dateOfBirth, episode.endDate) < 16 ? [breachOf('episodes', episode, { detail: `aged ${ageOn(child.dateOfBirth, episode.endDate)} when it ended` })] : [];
    }),
};
