/** @module R104: a registration with no areas of concern. */
import { requiredField } from '../families/requiredField.js';

export const registeredWithoutConcerns = requiredField({
  code: 'R104',
  kind: 'error',
  table: 'registrations',
  field: 'concerns',
  message: 'The registration has no areas of concern recorded',
  meaning: 'A registration in the year with no area of concern (neglect, domestic abuse…). The child protection return counts the concerns at registration.',
  scope: (context) => context.registrationsInYear(),
});
