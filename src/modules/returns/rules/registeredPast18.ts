/** @module R107: a child on the register past their 18th birthday. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';
import { birthday } from '../ruleContext.js';

export const registeredPast18: Rule = {
  code: 'R107',
  kind: 'error',
  message: 'The young person is on the child protection register past their 18th birthday',
  meaning: 'A registration in the year still open after the child turned 18. The register is for children: an adult at risk is supported under adult support and protection.',
  tables: ['registrations', 'children'],
  fields: ['registrations.deregisteredDate', 'children.dateOfBirth'],
  check: (context) =>
    context.registrationsInYear().flatMap((registration) => {
      const child = context.child(registration.childId);
      if (!child) return [];
      const eighteen = birthday(child, 18);
      const past = eighteen <= context.asAt && (registration.deregisteredDate === null || registration.deregisteredDate > eighteen);
      return past ? [breachOf('registrations', registration, { detail: `18 on ${eighteen}` })] : [];
    }),
};
