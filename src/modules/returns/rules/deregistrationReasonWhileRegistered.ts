/** @module R105: a de-registration reason on a registration still open. */
import { emptyWhileOpen } from '../families/emptyWhileOpen.js';

export const deregistrationReasonWhileRegistered = emptyWhileOpen({
  code: 'R105',
  kind: 'error',
  table: 'registrations',
  field: 'deregistrationReason',
  endField: 'deregisteredDate',
  message: 'The registration has a reason for de-registration but no de-registration date',
  meaning: 'A registration still open with a reason for de-registration: the de-registration date is missing, or the reason was recorded ahead of time.',
});
