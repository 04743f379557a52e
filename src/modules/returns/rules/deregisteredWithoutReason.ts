/** @module R102: a de-registration with no reason. */
import { requiredField } from '../families/requiredField.js';

export const deregisteredWithoutReason = requiredField({
  code: 'R102',
  kind: 'error',
  table: 'registrations',
  field: 'deregistrationReason',
  message: 'The child was de-registered but the reason is not recorded',
  meaning: 'A registration that ended in the year with no reason for de-registration. The child protection return counts de-registrations by reason.',
  scope: (context) => context.registrationsInYear().filter((registration) => registration.deregisteredDate !== null),
});
