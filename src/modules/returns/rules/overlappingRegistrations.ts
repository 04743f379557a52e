/** @module R106: two registrations of one child open on the same day. */
import type { Breach, Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';

export const overlappingRegistrations: Rule = {
  code: 'R106',
  kind: 'error',
  message: "The registration overlaps another of the child's registrations",
  meaning: 'Two registrations of one child open on the same day, one of them in the year. A child is on the register once: the register at 31 July would count them twice.',
  tables: ['registrations'],
  fields: ['registrations.registeredDate', 'registrations.deregisteredDate'],
  check(context) {
    const breaches: Breach[] = [];
    for (const childId of new Set(context.registrationsInYear().map((registration) => registration.childId))) {
      const registrations = context.registrationsOf(childId);
      for (let i = 0; i < registrations.length; i++) {
        for (let j = i + 1; j < registrations.length; j++) {
          const [first, second] = [registrations[i]!, registrations[j]!];
          if (first.deregisteredDate !== null && first.deregisteredDate <= second.registeredDate) continue;
          const issueId = `R106:${first.registrationId}:${second.registrationId}`;
          breaches.push(breachOf('registrations', first, { issueId }), breachOf('registrations', second, { issueId }));
        }
      }
    }
    return breaches;
  },
};
