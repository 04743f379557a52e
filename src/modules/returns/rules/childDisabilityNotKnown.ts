/** @module C105: disability recorded as "not known". */
import { notKnownCode } from '../families/notKnownCode.js';

export const childDisabilityNotKnown = notKnownCode({
  code: 'C105',
  kind: 'query',
  table: 'children',
  field: 'disability',
  codes: ['U'],
  message: 'Whether the child has a disability is recorded as not known',
  meaning: 'A child in the return whose disability is recorded as "not known" (U): check with the worker whether it is now known.',
  scope: (context) => context.childrenInYear(),
});
