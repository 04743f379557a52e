/** @module E113: an episode starting on or after the child's 18th birthday. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';
import { birthday } from '../ruleContext.js';

export const episodeStartedAt18: Rule = {
  code: 'E113',
  kind: 'error',
  message: 'The episode starts on or after the child turned 18',
  meaning: "An episode in the year starting on or after the child's 18th birthday. A young person of 18 cannot become looked after; support after 18 is aftercare or continuing care.",
  tables: ['episodes', 'children'],
  fields: ['episodes.startDate', 'children.dateOfBirth'],
  check: (context) =>
    context.episodesInYear().flatMap((episode) => {
      const child = context.child(episode.childId);
      return child && birthday(child, 18) <= episode.startDate ? [breachOf('episodes', episode, { detail: `18 on ${birthday(child, 18)}` })] : [];
    }),
};
