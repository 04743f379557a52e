/** @module `placements.external`: placements open on each census date bought from a provider other than the authority. */
import { censusDates } from '../periods.js';
import type { Indicator } from '../statsTypes.js';
import { placementsOpenOn } from './placementsOutOfAuthority.js';
import { statsRow } from './rows.js';

export const placementsExternal: Indicator = {
  id: 'placements.external',
  kind: 'census',
  definition: 'placements open on D whose provider is external',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    // External: a provider whose type is not local_authority; a placement without a provider is not external.
    const open = new Map((await placementsOpenOn(db, censusDates(periods, true))).map((row) => [row.census_date, row]));
    return censusDates(periods).map((date) => statsRow(placementsExternal.id, date, open.get(date)!.external));
  },
};
