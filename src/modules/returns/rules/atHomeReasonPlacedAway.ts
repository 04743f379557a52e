/** @module E102: an episode whose legal reason is "at home" with a placement away from home. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';
import { openBetween } from '../ruleContext.js';

export const atHomeReasonPlacedAway: Rule = {
  code: 'E102',
  kind: 'error',
  message: 'The legal reason is a supervision order at home, but the child is placed away from home',
  meaning:
    'An episode under a Compulsory Supervision Order at home (cso_home) with a placement in the year that is not "at home with parents". Either the order now has a residence condition (a new episode or legal reason) or the placement type is wrong.',
  tables: ['episodes', 'placements'],
  fields: ['episodes.legalReason', 'placements.placementType'],
  check(context) {
    return context.episodesInYear()
      .filter((episode) => episode.legalReason === 'cso_home')
      .flatMap((episode) =>
        context.placementsOf(episode.episodeId)
          .filter((placement) => placement.placementType !== 'at_home' && openBetween(placement, context.year.start, context.year.census))
          .flatMap((placement) => {
            const issueId = `E102:${placement.placementId}`;
            return [breachOf('episodes', episode, { issueId, fields: ['episodes.legalReason'] }), breachOf('placements', placement, { issueId, fields: ['placements.placementType'], detail: placement.placementType })];
          }),
      );
  },
};
