/** @module Y101: no population for the census year. */
import type { Rule } from '../rule.js';

export const populationMissing: Rule = {
  code: 'Y101',
  kind: 'error',
  message: 'There is no population of children aged 0–17 for the census year',
  meaning: 'No population row (children aged 0 to 17, from the National Records of Scotland mid-year estimates) for the year of the census date. Without it the rate of children looked after per 1,000 cannot be worked out. This rule reads the population table only, so it runs (and reports) even when the table is empty.',
  tables: [],
  fields: ['population.year'],
  check: (context) =>
    context.records.population.some((row) => row.year === context.year.censusYear && row.age0To17 > 0)
      ? []
      : [{ table: 'population', recordId: String(context.year.censusYear), childId: null, detail: `no population for ${context.year.censusYear}` }],
};
