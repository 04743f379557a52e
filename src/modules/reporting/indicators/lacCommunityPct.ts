/** @module `lac.community_pct` (LGBF CHN9): the share of looked after children not in a residential placement. */
import { censusDates } from '../periods.js';
import { percentage } from '../rounding.js';
import type { Indicator } from '../statsTypes.js';
import { lookedAfterByPlacementType } from './lacByPlacementType.js';
import { statsRow } from './rows.js';
import { residentialPlacementTypes } from '../../../platform/codes/careCodes.js';

const residential: ReadonlySet<string> = new Set(residentialPlacementTypes);

export const lacCommunityPct: Indicator = {
  id: 'lac.community_pct',
  kind: 'census',
  definition: '(`lac.count` − those in a residential placement type) ÷ `lac.count` × 100 (LGBF CHN9)',
  places: 1,
  dimensions: [],
  async compute(db, periods) {
    // The rows of a date add up to lac.count (one placement type, or not_recorded, per child). A looked after
    // child with no placement open is not in a residential one, so is in the community.
    const byType = await lookedAfterByPlacementType(db, censusDates(periods, true));
    return censusDates(periods).flatMap((date) => {
      const onDate = byType.filter((row) => row.census_date === date);
      const lookedAfter = onDate.reduce((sum, row) => sum + row.children, 0);
      const inResidential = onDate.filter((row) => residential.has(row.placement_type)).reduce((sum, row) => sum + row.children, 0);
      const value = percentage(lookedAfter - inResidential, lookedAfter, lacCommunityPct.places);
      return value === undefined ? [] : [statsRow(lacCommunityPct.id, date, value)];
    });
  },
};
