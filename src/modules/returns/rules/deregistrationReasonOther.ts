/** @module R110: a de-registration for an "other" reason. */
import { notKnownCode } from '../families/notKnownCode.js';

export const deregistrationReasonOther = notKnownCode({
  code: 'R110',
  kind: 'query',
  table: 'registrations',
  field: 'deregistrationReason',
  codes: ['other'],
  message: 'The reason for de-registration is recorded as "other"',
  meaning: 'A de-registration in the year for an "other" reason: check whether one of the named reasons (improved home situation, looked after, moved away) applies.',
  scope: (context) => context.registrationsInYear(),
});
