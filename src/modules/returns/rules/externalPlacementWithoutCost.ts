/** @module P102: an external placement with no weekly cost. */
import { requiredField } from '../families/requiredField.js';

export const externalPlacementWithoutCost = requiredField({
  code: 'P102',
  kind: 'query',
  table: 'placements',
  field: 'weeklyCost',
  message: 'The placement is with an external provider but has no weekly cost',
  meaning: 'A placement in the year with a provider other than the council, and no weekly cost. External spend (placements.external_spend_gbp) leaves it out.',
  scope: (context) => context.placementsInYear().filter((placement) => {
    const provider = context.provider(placement.providerId);
    return provider !== undefined && provider.providerType !== 'local_authority';
  }),
  reads: ['providers'],
});
