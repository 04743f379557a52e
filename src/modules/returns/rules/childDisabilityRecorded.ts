/** @module C104: the return's children should have disability recorded (yes, no or not known). */
import { requiredField } from '../families/requiredField.js';

export const childDisabilityRecorded = requiredField({
  code: 'C104',
  kind: 'query',
  table: 'children',
  field: 'disability',
  message: 'Whether the child has a disability is not recorded',
  meaning: 'A child in the return with nothing recorded about disability. The looked after return asks whether each child has a disability.',
  scope: (context) => context.childrenInYear(),
});
