/** @module P103: a placement with another council's provider not marked out of authority. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';

export const otherAuthorityNotOutOfAuthority: Rule = {
  code: 'P103',
  kind: 'error',
  message: "The provider is another council, but the placement is not marked out of authority",
  meaning: 'A placement in the year whose provider is another council (its home is in that council\'s area), not marked out of authority. The looked after return and placements.out_of_authority count it in the wrong place.',
  tables: ['placements', 'providers'],
  fields: ['placements.outOfAuthority', 'providers.providerType'],
  check: (context) =>
    context.placementsInYear()
      .filter((placement) => context.provider(placement.providerId)?.providerType === 'other_authority' && !placement.outOfAuthority)
      .map((placement) => breachOf('placements', placement, { detail: `provider ${placement.providerId}` })),
};
