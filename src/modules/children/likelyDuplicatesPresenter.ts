/** @module View models for likely duplicate records: on the "Add a child" page, and the panel on a child's summary. */
import { longDateOf } from '../../platform/dates/formats.js';
import { paths } from '../../platform/http/paths.js';
import { fullName } from './childPresenter.js';
import type { LikelyDuplicate } from './childService.js';

/** What is said of a likely duplicate this person may not open: that it exists, never whose it is (issue 16). */
export const recordExistsAskYourManager = 'A record exists — ask your manager';

/**
 * The records shown before adding a child, likeliest first, each with why it is listed: those this person may open
 * named and linked; the others only said to exist, without name or id (issue 16).
 * @example presentLikelyDuplicates([{ childId: 'A1', forename: 'Ailsa', surname: 'Boyd', dateOfBirth: '2012-03-04', inScope: true, sameNameAndBirth: true, likelihood: 12, why: 'same date of birth, same last name, same first name' }])[0].href // '/children/A1'
 */
export function presentLikelyDuplicates(duplicates: readonly LikelyDuplicate[]) {
  return duplicates.map((d) => d.inScope
    ? { childId: d.childId, name: fullName(d), dateOfBirth: longDateOf(d.dateOfBirth), href: paths.children.show({ childId: d.childId }), sameNameAndBirth: d.sameNameAndBirth, why: d.why }
    : { childId: undefined, name: recordExistsAskYourManager, dateOfBirth: longDateOf(d.dateOfBirth), href: undefined, sameNameAndBirth: d.sameNameAndBirth, why: d.why });
}

/**
 * The "Possible duplicate records" panel of a child's summary: a merge link for each record this person may merge
 * into this one (they hold child:merge and may open both).
 * @example presentPossibleDuplicates('A1', duplicates, true)[0].mergeHref // '/children/A1/merge?duplicateId=A2'
 */
export function presentPossibleDuplicates(childId: string, duplicates: readonly LikelyDuplicate[], mayMerge: boolean) {
  return presentLikelyDuplicates(duplicates).map((d, index) => ({
    ...d,
    mergeHref: mayMerge && d.childId ? paths.children.merge({ childId }, { duplicateId: d.childId }) : undefined,
  }));
}
