/** @module View models for likely duplicate records: on the "Add a child" page, and the panel on a child's summary. */
import { longDateOf } from '../../platform/dates/formats.js';
import { paths } from '../../platform/http/paths.js';
import { fullName } from './childPresenter.js';
import type { LikelyDuplicate } from './childService.js';

/**
 * The records shown before adding a child: every likely duplicate named, linked only if this person may open it.
 * @example presentLikelyDuplicates([{ childId: 'A1', forename: 'Ailsa', surname: 'Boyd', dateOfBirth: '2012-03-04', inScope: true, sameNameAndBirth: true, likelihood: 12, why: 'same date of birth, same last name, same first name' }])[0].href // '/children/A1'
 */
export function presentLikelyDuplicates(duplicates: readonly LikelyDuplicate[]) {
  return duplicates.map((d) => ({
    childId: d.childId,
    name: fullName(d),
    dateOfBirth: longDateOf(d.dateOfBirth),
    href: d.inScope ? paths.children.show({ childId: d.childId }) : undefined,
    why: d.why,
  }));
}

/**
 * The "Possible duplicate records" panel of a child's summary: a merge link for each record this person may merge
 * into this one (they hold child:merge and may open both).
 * @example presentPossibleDuplicates('A1', duplicates, true)[0].mergeHref // '/children/A1/merge?duplicateId=A2'
 */
export function presentPossibleDuplicates(childId: string, duplicates: readonly LikelyDuplicate[], mayMerge: boolean) {
  return presentLikelyDuplicates(duplicates).map((d, index) => ({
    ...d,
    mergeHref: mayMerge && duplicates[index]!.inScope ? paths.children.merge({ childId }, { duplicateId: d.childId }) : undefined,
  }));
}
