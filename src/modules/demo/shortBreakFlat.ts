/**
 * @module The demo's short-break flat: a flat in the council's own children's house, booked by `service.manager`
 * for children with an open case through the latest complete financial year — a stay of two to four nights about
 * every fortnight, some of them recorded as keeping a child from an out of authority placement — so section 4.3 of
 * the board paper has a year of figures.
 */
import { addDays } from '../../platform/dates/isoDates.js';
import type { ResourceService } from '../resources/resourceService.js';
import type { UserService } from '../users/userService.js';
import type { DemoExtract } from './extract.js';
import { lastCensusYear } from './boardPaperDraft.js';

/** What recordShortBreakFlat needs from the composition root. */
export interface RecordShortBreakFlatNeeds {
  resources: ResourceService;
  users: UserService;
}

/** One planned stay: whose, when (arrives, leaves) and whether it avoided an out of authority placement. */
export interface PlannedStay {
  childId: string;
  startDate: string;
  endDate: string;
  avoidedOutOfAuthority: boolean;
}

/**
 * The stays of the financial year ending in the last census year: one every 14 days from 1 April, two to four nights
 * each, shared in turn among up to 12 children with a case open all year; every fourth avoided a placement outwith.
 * @example planShortBreakStays(extract)[0] // { childId: 'C…', startDate: '2021-04-01', endDate: '2021-04-03', avoidedOutOfAuthority: true }
 */
export function planShortBreakStays(extract: DemoExtract): PlannedStay[] {
  const endYear = lastCensusYear(extract.today);
  const [first, last] = [`${endYear - 1}-04-01`, `${endYear}-03-31`];
  const children = [...new Set(extract.cases
    .filter((c) => c.opened_date <= first && (c.closed_date === null || c.closed_date > last))
    .map((c) => c.child_id))].sort().slice(0, 12);
  if (!children.length) return [];
  const stays: PlannedStay[] = [];
  for (let index = 0; addDays(first, index * 14 + 4) <= addDays(last, 1); index += 1) {
    const startDate = addDays(first, index * 14);
    stays.push({ childId: children[index % children.length]!, startDate, endDate: addDays(startDate, 2 + (index % 3)), avoidedOutOfAuthority: index % 4 === 0 });
  }
  return stays;
}

/**
 * Add the flat and book its stays, unless a short-break resource exists; returns the number of stays booked.
 * @example await recordShortBreakFlat(services, extract) // 26
 */
export async function recordShortBreakFlat(services: RecordShortBreakFlatNeeds, extract: DemoExtract): Promise<number | undefined> {
  const lead = (await services.users.list()).find((user) => user.username === 'service.manager' && user.role === 'service_manager');
  if (!lead || (await services.resources.list()).some((resource) => resource.kind === 'short_break')) return undefined;
  const flat = await services.resources.add({ kind: 'user', user: lead }, { name: 'Kestrel House short-break flat', kind: 'short_break', places: ['Flat'] });
  const stays = planShortBreakStays(extract);
  for (const stay of stays) {
    const booked = await services.resources.book(lead, stay.childId, {
      placeId: flat.places[0]!.placeId, startDate: stay.startDate, endDate: stay.endDate,
      reason: stay.avoidedOutOfAuthority ? 'A crisis at home: a few nights close to home instead of a placement outwith the authority' : 'Planned short break to support the family',
      avoidedOutOfAuthority: stay.avoidedOutOfAuthority,
    });
    if (booked.outcome !== 'booked') throw new Error(`the demo could not book the short-break flat: ${JSON.stringify(booked)}`);
  }
  return stays.length;
}
