/** @module C101: the return's children must have their sex recorded. */
import { requiredField } from '../families/requiredField.js';

export const childSexRecorded = requiredField({
  code: 'C101',
  kind: 'error',
  table: 'children',
  field: 'sex',
  message: "The child's sex is not recorded",
  meaning: 'Every child looked after or on the child protection register in the year needs their sex recorded: both returns count children by sex.',
  scope: (context) => context.childrenInYear(),
});
