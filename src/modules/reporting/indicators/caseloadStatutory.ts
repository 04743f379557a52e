/** @module `caseload.statutory`: children on the open caseload who are looked after, on each census date. */
import type { Indicator } from '../statsTypes.js';
import { caseloadOn } from './caseloadOpen.js';
import { statsRow } from './rows.js';

export const caseloadStatutory: Indicator = {
  id: 'caseload.statutory',
  kind: 'census',
  definition: 'children counted in `caseload.open` who are looked after on D',
  places: 0,
  dimensions: [],
  async compute(db, periods) {
    const rows = await caseloadOn(db, periods);
    return rows.map((row) => statsRow(caseloadStatutory.id, row.census_date, row.statutory_children));
  },
};
