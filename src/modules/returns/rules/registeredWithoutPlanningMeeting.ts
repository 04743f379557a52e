/** @module R103: a child registered with no planning meeting deciding it. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';
import { addDays } from '../../../platform/dates/isoDates.js';

/** How long before a registration the meeting deciding it may be (a pre-birth meeting can be weeks before). */
export const meetingDaysBeforeRegistration = 90;

export const registeredWithoutPlanningMeeting: Rule = {
  code: 'R103',
  kind: 'query',
  message: 'The child was registered, but no planning meeting deciding to register them is recorded',
  meaning:
    'A registration starting in the year with no child protection planning meeting (initial, pre-birth or transfer) that decided to register the child, on the day or in the 90 days before. Registration is decided at a meeting; the child protection return counts those meetings and their outcomes.',
  tables: ['registrations', 'planningMeetings'],
  fields: ['registrations.registeredDate', 'planningMeetings.decision'],
  check: (context) =>
    context.registrationsInYear()
      .filter((registration) => registration.registeredDate >= context.year.start)
      .filter((registration) => !context.records.planningMeetings.some((meeting) =>
        meeting.childId === registration.childId && meeting.decision === 'register'
        && meeting.meetingDate <= registration.registeredDate && meeting.meetingDate >= addDays(registration.registeredDate, -meetingDaysBeforeRegistration)))
      .map((registration) => breachOf('registrations', registration, { detail: `registered ${registration.registeredDate}` })),
};
