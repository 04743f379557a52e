/** @module P104: a placement with the council's own provider marked out of authority. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';

export const ownProviderOutOfAuthority: Rule = {
  code: 'P104',
  kind: 'query',
  message: "The placement is marked out of authority, but the provider is the council's own",
  meaning: "A placement in the year marked out of authority whose provider is the council itself. The council's own places are rarely outside its area: check the mark or the provider.",
  tables: ['placements', 'providers'],
  fields: ['placements.outOfAuthority', 'providers.providerType'],
  check: (context) =>
    context.placementsInYear()
      .filter((placement) => placement.outOfAuthority && context.provider(placement.providerId)?.providerType === 'local_authority')
      .map((placement) => breachOf('placements', placement)),
};
