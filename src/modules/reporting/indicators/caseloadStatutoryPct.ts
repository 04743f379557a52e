/** @module `caseload.statutory_pct`: the looked after share of the open caseload on each census date. */
import { percentage } from '../rounding.js';
import type { Indicator } from '../statsTypes.js';
import { caseloadOn } from './caseloadOpen.js';
import { statsRow } from './rows.js';

export const caseloadStatutoryPct: Indicator = {
  id: 'caseload.statutory_pct',
  kind: 'census',
  definition: '`caseload.statutory` ÷ `caseload.open` × 100',
  places: 1,
  dimensions: [],
  async compute(db, periods) {
    const rows = await caseloadOn(db, periods);
    return rows.flatMap((row) => {
      const value = percentage(row.statutory_children, row.open_children, caseloadStatutoryPct.places);
      return value === undefined ? [] : [statsRow(caseloadStatutoryPct.id, row.census_date, value)];
    });
  },
};
