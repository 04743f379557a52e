/** @module C103: the return's children should have their ethnicity recorded. */
import { requiredField } from '../families/requiredField.js';

export const childEthnicityRecorded = requiredField({
  code: 'C103',
  kind: 'query',
  table: 'children',
  field: 'ethnicity',
  message: "The child's ethnicity is not recorded",
  meaning: 'A child in the return with no ethnicity recorded. The looked after return reports ethnicity; "not known" is allowed but should be rare.',
  scope: (context) => context.childrenInYear(),
});
