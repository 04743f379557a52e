/** @module R108: de-registered because looked after, with no episode then. */
import type { Rule } from '../rule.js';
import { breachOf } from '../breachOf.js';
import { openBetween } from '../ruleContext.js';
import { addDays } from '../../../platform/dates/isoDates.js';

export const deregisteredLookedAfterWithoutEpisode: Rule = {
  code: 'R108',
  kind: 'query',
  message: 'The child was de-registered because they became looked after, but no episode is recorded then',
  meaning: 'A de-registration in the year with the reason "child looked after", but no looked after episode open in the 30 days before or after it. Either the episode is missing or the reason is wrong.',
  tables: ['registrations', 'episodes'],
  fields: ['registrations.deregistrationReason', 'episodes.startDate'],
  check: (context) =>
    context.registrationsInYear()
      .filter((registration) => registration.deregistrationReason === 'child_looked_after' && registration.deregisteredDate !== null)
      .filter((registration) => !context.episodesOf(registration.childId).some((episode) => openBetween(episode, addDays(registration.deregisteredDate!, -30), addDays(registration.deregisteredDate!, 30))))
      .map((registration) => breachOf('registrations', registration, { detail: `de-registered ${registration.deregisteredDate}` })),
};
