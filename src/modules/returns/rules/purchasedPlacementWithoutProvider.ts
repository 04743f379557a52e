/** @module P105: a purchased placement type with no provider. */
import { requiredField } from '../families/requiredField.js';

/** Placement types the council always buys from a provider. */
export const purchasedPlacementTypes: readonly string[] = ['foster_purchased', 'voluntary_home', 'residential_school'];

export const purchasedPlacementWithoutProvider = requiredField({
  code: 'P105',
  kind: 'error',
  table: 'placements',
  field: 'providerId',
  message: 'The placement is of a type the council buys, but no provider is recorded',
  meaning: 'A placement in the year with purchased foster carers, in a voluntary home or in a residential school, and no provider. External placements and their cost are counted by provider.',
  scope: (context) => context.placementsInYear().filter((placement) => purchasedPlacementTypes.includes(placement.placementType)),
});
