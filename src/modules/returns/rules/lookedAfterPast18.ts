/** @module E101: a child looked after past their 18th birthday without continuing care. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';
import { birthday } from '../ruleContext.js';

export const lookedAfterPast18: Rule = {
  code: 'E101',
  kind: 'error',
  message: 'The child is looked after past their 18th birthday without continuing care',
  meaning:
    'An episode in the year still open after the child turned 18. A young person stops being looked after at 18: the episode should end on the 18th birthday at the latest, with "continuing care" as the reason ended when they stay in their placement.',
  tables: ['episodes', 'children'],
  fields: ['episodes.endDate', 'children.dateOfBirth'],
  check(context) {
    return context.episodesInYear().flatMap((episode) => {
      const child = context.child(episode.childId);
      if (!child) return [];
      const eighteen = birthday(child, 18);
      const openAfter18 = eighteen <= context.asAt && (episode.endDate === null || episode.endDate > eighteen);
      return openAfter18 ? [breachOf('episodes', episode, { detail: `18 on ${eighteen}` })] : [];
    });
  },
};
