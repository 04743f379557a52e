/** @module C108: a looked after child with no open case. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';
import { openOn } from '../ruleContext.js';

export const lookedAfterWithoutOpenCase: Rule = {
  code: 'C108',
  kind: 'error',
  message: 'The child is looked after but has no open case',
  meaning:
    'A child looked after on the census date (or today, while the year is not over) must have a case open that day: otherwise no team or worker is responsible for them, and their work is missing from caseloads.',
  tables: ['episodes', 'children'],
  fields: ['cases.openedDate', 'cases.closedDate'],
  check(context) {
    const on = context.asAt;
    return context.episodesInYear()
      .filter((episode) => openOn(episode, on))
      .filter((episode) => !context.casesOf(episode.childId).some((record) => openOn({ startDate: record.openedDate, endDate: record.closedDate }, on)))
      .map((episode) => breachOf('episodes', episode, { issueId: `C108:${episode.childId}`, detail: `looked after on ${on}` }));
  },
};
