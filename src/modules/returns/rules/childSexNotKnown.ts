/** @module C102: a child's sex recorded as "not known". */
import { notKnownCode } from '../families/notKnownCode.js';

export const childSexNotKnown = notKnownCode({
  code: 'C102',
  kind: 'query',
  table: 'children',
  field: 'sex',
  codes: ['U'],
  message: "The child's sex is recorded as not known",
  meaning: 'A child in the return whose sex is recorded as "not known" (U). Usually it is known to the worker and can be recorded.',
  scope: (context) => context.childrenInYear(),
});
