/** @module R101: a child protection registration open over 12 months without a review meeting. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';
import { addYears } from '../../../platform/dates/isoDates.js';
import { openOn } from '../ruleContext.js';

export const registeredYearWithoutReview: Rule = {
  code: 'R101',
  kind: 'query',
  message: 'The child has been on the register over 12 months with no review meeting recorded',
  meaning:
    'A registration open on the census date (or today) that began more than 12 months before, with no review child protection planning meeting since it began. Registrations are reviewed at least every six months; a missing review is either missing from the record or a child whose plan has not been looked at.',
  tables: ['registrations', 'planningMeetings'],
  fields: ['registrations.registeredDate', 'planningMeetings.kind'],
  check(context) {
    const on = context.asAt;
    return context.registrationsInYear()
      .filter((registration) => openOn({ startDate: registration.registeredDate, endDate: registration.deregisteredDate }, on) && addYears(registration.registeredDate, 1) < on)
      .filter((registration) => !context.records.planningMeetings.some((meeting) => meeting.childId === registration.childId && meeting.kind === 'review' && meeting.meetingDate >= registration.registeredDate && meeting.meetingDate <= on))
      .map((registration) => breachOf('registrations', registration, { detail: `registered ${registration.registeredDate}` }));
  },
};
