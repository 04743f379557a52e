/** @module P106: purchased foster care with the council's own provider. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';

export const purchasedFosterWithOwnProvider: Rule = {
  code: 'P106',
  kind: 'error',
  message: "The placement is with purchased foster carers, but the provider is the council's own",
  meaning: "A placement in the year with foster carers purchased by the council whose provider is the council itself. Either the carers are the council's own (foster_la) or the provider is wrong.",
  tables: ['placements', 'providers'],
  fields: ['placements.placementType', 'placements.providerId'],
  check: (context) =>
    context.placementsInYear()
      .filter((placement) => placement.placementType === 'foster_purchased' && context.provider(placement.providerId)?.providerType === 'local_authority')
      .map((placement) => breachOf('placements', placement)),
};
