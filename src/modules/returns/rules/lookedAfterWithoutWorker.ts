/** @module C109: a looked after child whose open case has no allocated worker. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';
import { openOn } from '../ruleContext.js';

export const lookedAfterWithoutWorker: Rule = {
  code: 'C109',
  kind: 'query',
  message: 'The child is looked after but their open case has no allocated worker',
  meaning: 'A child looked after on the census date (or today) whose open case has no worker allocated. Every looked after child should have a named social worker.',
  tables: ['episodes', 'cases'],
  fields: ['cases.workerId'],
  check(context) {
    const on = context.asAt;
    const lookedAfter = new Set(context.episodesInYear().filter((episode) => openOn(episode, on)).map((episode) => episode.childId));
    return context.records.cases
      .filter((record) => lookedAfter.has(record.childId) && openOn({ startDate: record.openedDate, endDate: record.closedDate }, on) && !record.workerId)
      .map((record) => breachOf('cases', record));
  },
};
