/** @module E103: an episode whose legal reason requires living away from home, with a placement at home. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';
import { openBetween } from '../ruleContext.js';

export const awayReasonPlacedAtHome: Rule = {
  code: 'E103',
  kind: 'error',
  message: 'The legal reason requires the child to live away from home, but the placement is at home',
  meaning:
    'An episode under a supervision order with a residence condition (cso_away) or a permanence order with a placement "at home with parents" in the year. Either the order was varied to a home supervision order (a new legal reason) or the placement type is wrong.',
  tables: ['episodes', 'placements'],
  fields: ['episodes.legalReason', 'placements.placementType'],
  check(context) {
    return context.episodesInYear()
      .filter((episode) => episode.legalReason === 'cso_away' || episode.legalReason === 'permanence_order')
      .flatMap((episode) =>
        context.placementsOf(episode.episodeId)
          .filter((placement) => placement.placementType === 'at_home' && openBetween(placement, context.year.start, context.year.census))
          .flatMap((placement) => {
            const issueId = `E103:${placement.placementId}`;
            return [breachOf('episodes', episode, { issueId, fields: ['episodes.legalReason'] }), breachOf('placements', placement, { issueId, fields: ['placements.placementType'] })];
          }),
      );
  },
};
