/** @module R111: a planning meeting dated after today. */
import { notInFuture } from '../families/notInFuture.js';

export const planningMeetingInFuture = notInFuture({
  code: 'R111',
  kind: 'error',
  table: 'planningMeetings',
  field: 'meetingDate',
  message: 'The planning meeting is dated in the future',
  meaning: 'A child protection planning meeting recorded with a date after the day the rules run: record a meeting once it has been held.',
});
