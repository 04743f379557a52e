/** @module Codes on a child's record (extract-format.md v1, children.csv). */
import { codeList } from './codeList.js';

export const sex = codeList({ M: 'Male', F: 'Female', X: 'Other', U: 'Not known' });
export const sexCodes = sex.codes;
export const sexLabels = sex.labels;

/** Yes, no or not known, as the extract's disability column holds it. */
export const yesNoUnknown = codeList({ Y: 'Yes', N: 'No', U: 'Not known' });
export const disabilityCodes = yesNoUnknown.codes;
export const yesNoLabels = yesNoUnknown.labels;
