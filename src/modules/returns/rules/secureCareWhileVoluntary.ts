/** @module P107: secure care under voluntary accommodation. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';

export const secureCareWhileVoluntary: Rule = {
  code: 'P107',
  kind: 'error',
  message: 'The child is in secure care, but the legal reason is voluntary accommodation (section 25)',
  meaning: 'A secure placement in the year within an episode of voluntary accommodation. Secure care needs an order (a supervision order with a secure accommodation authorisation, or a criminal justice disposal): the legal reason or the placement is wrong.',
  tables: ['placements', 'episodes'],
  fields: ['placements.placementType', 'episodes.legalReason'],
  check: (context) =>
    context.placementsInYear()
      .filter((placement) => placement.placementType === 'secure' && context.episode(placement.episodeId)?.legalReason === 's25_voluntary')
      .map((placement) => breachOf('placements', placement)),
};
