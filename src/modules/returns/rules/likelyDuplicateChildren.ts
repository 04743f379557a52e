/** @module C106: two records that are likely the same child (the rule Cairn uses when a child is added). */
import { comparableName } from '../../children/comparableName.js';
import { isLikelyDuplicate } from '../../children/likelyDuplicates.js';
import type { Breach, Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';

export const likelyDuplicateChildren: Rule = {
  code: 'C106',
  kind: 'query',
  message: 'This record is likely the same child as another record',
  meaning:
    'A child in the return and another child record with the same date of birth, the same surname (ignoring case, accents, spaces and punctuation) and forenames with the same initial. If they are one child, merge the records (the child would otherwise be counted twice); twins are checked and marked correct.',
  tables: ['children'],
  fields: ['children.forename', 'children.surname', 'children.dateOfBirth'],
  check(context) {
    const inYear = new Set(context.childrenInYear().map((child) => child.childId));
    const bornSameDay = new Map<string, typeof context.records.children>();
    for (const child of context.records.children) {
      const key = `${child.dateOfBirth}|${comparableName(child.surname)}`;
      bornSameDay.set(key, [...(bornSameDay.get(key) ?? []), child]);
    }
    const breaches: Breach[] = [];
    for (const group of bornSameDay.values()) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const [first, second] = [group[i]!, group[j]!].sort((a, b) => a.childId.localeCompare(b.childId)) as [typeof group[number], typeof group[number]];
          if (!isLikelyDuplicate(first, second) || !(inYear.has(first.childId) || inYear.has(second.childId))) continue;
          const issueId = `C106:${first.childId}:${second.childId}`;
          breaches.push(breachOf('children', first, { issueId, detail: `likely the same child as ${second.childId}` }));
          breaches.push(breachOf('children', second, { issueId, detail: `likely the same child as ${first.childId}` }));
        }
      }
    }
    return breaches;
  },
};
