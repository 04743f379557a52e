/** @module K101: an open case of a child in the return with no team. */
import { requiredField } from '../families/requiredField.js';
import { openOn } from '../ruleContext.js';

export const openCaseWithoutTeam = requiredField({
  code: 'K101',
  kind: 'query',
  table: 'cases',
  field: 'team',
  message: 'The open case has no team',
  meaning: 'A case open on the census date (or today) of a child in the return, with no team recorded. Issues are listed by team for managers to fix; a case with no team is nobody\'s.',
  scope: (context) => {
    const inYear = new Set(context.childrenInYear().map((child) => child.childId));
    return context.records.cases.filter((record) => inYear.has(record.childId) && openOn({ startDate: record.openedDate, endDate: record.closedDate }, context.asAt));
  },
});
