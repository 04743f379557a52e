/**
 * @module An unseen extract for the returns' rules: children looked after and registered with random (seeded) dates,
 * placements and details, all valid — and functions that plant one problem each in it, saying what must be found.
 */
import { createRandom, type Random } from '../../src/platform/random/seededRandom.js';
import { addDays, addYears } from '../../src/platform/dates/isoDates.js';
import type { ReturnRecords } from '../../src/modules/returns/records.js';
import { aChildRecord, aPlacement, lookedAfter, merge, registered, world } from './returnRecords.js';

const day = (random: Random, from: string, to: string) => {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, random.int(0, span));
};
const pick = <T>(random: Random, items: readonly T[]): T => items[random.int(0, items.length - 1)]!;

/**
 * About `size` children looked after and `size / 3` registered in 2021-22, every record valid (no rule finds an
 * error; queries only where the data is as real data is).
 * @example generatedReturnRecords(7, 60)
 */
export function generatedReturnRecords(seed: number, size: number): ReturnRecords {
  const random = createRandom(seed, 'returns-extract');
  const parts = [world()];
  for (let i = 0; i < size; i++) {
    const childId = `G${seed}-${i}`;
    const dateOfBirth = day(random, '2006-01-01', '2016-12-31');
    const startDate = day(random, '2019-01-01', '2022-06-30');
    const atHome = random.chance(0.3);
    const ends = random.chance(0.35) ? day(random, addDays(startDate, 30), '2023-06-30') : null;
    const endDate = ends !== null && ends <= '2022-09-30' ? ends : null;
    // Placements follow each other with no gap: one to three, each from the day the last ended.
    const count = random.int(1, 3);
    const placements = [];
    let from = startDate;
    for (let p = 0; p < count; p++) {
      const move = addDays(from, random.int(20, 200));
      // A move after the episode ends, or after the day the rules run, does not happen: this placement is the last.
      const last = p === count - 1 || move >= (endDate ?? '2022-09-30');
      const until = last ? endDate : move;
      const purchased = !atHome && random.chance(0.3);
      placements.push(aPlacement(`${childId}-P${p}`, childId, {
        startDate: from, endDate: until,
        placementType: atHome ? 'at_home' : purchased ? 'foster_purchased' : pick(random, ['foster_la', 'kinship', 'la_home']),
        providerId: atHome ? null : purchased ? 'PR-PV' : 'PR-LA',
        weeklyCost: atHome ? null : random.int(300, 4_000),
      }));
      if (last || until === null) break;
      from = until;
    }
    parts.push(lookedAfter(childId, {
      child: { dateOfBirth, sex: pick(random, ['M', 'F']), disability: pick(random, ['Y', 'N']) },
      episode: { startDate, endDate, legalReason: atHome ? 'cso_home' : pick(random, ['cso_away', 's25_voluntary', 'interim_cso']), reasonEnded: endDate ? 'home_with_parents' : null },
      placements,
      case: { workerId: `W${random.int(1, 9)}`, team: pick(random, ['North', 'South', 'East']) },
    }));
    if (random.chance(0.3)) parts.push({ reporterReferrals: [{ scraReferralId: `SR-${childId}`, childId, referralDate: day(random, '2021-08-01', '2022-07-31'), ground: pick(random, ['a', 'b', 'd']) }] });
  }
  for (let i = 0; i < Math.ceil(size / 3); i++) {
    const childId = `R${seed}-${i}`;
    const registeredDate = day(random, '2021-08-01', '2022-06-30');
    const off = random.chance(0.3) ? day(random, addDays(registeredDate, 60), '2022-09-30') : null;
    parts.push(registered(childId, {
      child: { dateOfBirth: day(random, '2008-01-01', '2021-01-01') },
      registration: { registeredDate, deregisteredDate: off, deregistrationReason: off ? 'improved_home_situation' : null, concerns: [pick(random, ['neglect', 'domestic_abuse', 'emotional_abuse'])] },
      meetings: [
        { meetingId: `M-${childId}-initial`, childId, meetingDate: registeredDate, kind: 'initial', decision: 'register' },
        ...(addDays(registeredDate, 180) <= '2022-07-31' ? [{ meetingId: `M-${childId}-review`, childId, meetingDate: addDays(registeredDate, 180), kind: 'review', decision: 'continue_registration' }] : []),
      ],
    }));
  }
  return merge(...parts);
}

/** One planted problem: the rule that must find it and the record it must name (`table:id`). */
export interface Planted {
  code: string;
  record: string;
}

/** Children looked after on 31 July 2022 whose details a plant may change without touching another plant's. */
function lookedAfterChildren(records: ReturnRecords): string[] {
  return records.episodes.filter((episode) => episode.endDate === null && episode.startDate <= '2022-07-31').map((episode) => episode.childId);
}

/**
 * Plant one problem of each kind the first pack looks for, each in a different child chosen by `seed`.
 * @example plantProblems(records, 3) // [{ code: 'E101', record: 'episodes:E-G7-12' }, ...]
 */
export function plantProblems(records: ReturnRecords, seed: number): Planted[] {
  const random = createRandom(seed, 'returns-plants');
  const free = lookedAfterChildren(records);
  const take = () => free.splice(random.int(0, free.length - 1), 1)[0]!;
  const child = (childId: string) => records.children.find((record) => record.childId === childId)!;
  const episodeOf = (childId: string) => records.episodes.find((episode) => episode.childId === childId)!;
  const placementsOf = (childId: string) => records.placements.filter((placement) => placement.childId === childId);
  const planted: Planted[] = [];

  let id = take(); // looked after past 18
  child(id).dateOfBirth = addYears('2022-01-15', -18);
  planted.push({ code: 'E101', record: `episodes:${episodeOf(id).episodeId}` });

  id = take(); // supervision order at home, placed away
  episodeOf(id).legalReason = 'cso_home';
  for (const placement of placementsOf(id)) Object.assign(placement, { placementType: 'foster_la', providerId: 'PR-LA', weeklyCost: 450 });
  planted.push({ code: 'E102', record: `episodes:${episodeOf(id).episodeId}` });

  id = take(); // residence condition, placed at home
  episodeOf(id).legalReason = 'cso_away';
  for (const placement of placementsOf(id)) Object.assign(placement, { placementType: 'at_home', providerId: null, weeklyCost: null });
  planted.push({ code: 'E103', record: `episodes:${episodeOf(id).episodeId}` });

  id = take(); // away from home, the last placement ended two months before the census
  episodeOf(id).legalReason = 'cso_away';
  for (const placement of placementsOf(id)) Object.assign(placement, { placementType: 'foster_la', providerId: 'PR-LA', weeklyCost: 450 });
  const lastPlacement = placementsOf(id).at(-1)!;
  lastPlacement.endDate = lastPlacement.startDate > '2022-05-01' ? lastPlacement.startDate : '2022-05-31';
  planted.push({ code: 'E104', record: `episodes:${episodeOf(id).episodeId}` });

  id = take(); // secure care under 12
  child(id).dateOfBirth = '2012-02-02';
  episodeOf(id).legalReason = 'cso_away';
  const secure = placementsOf(id).at(-1)!;
  Object.assign(secure, { placementType: 'secure', providerId: 'PR-LA', weeklyCost: 6_000 });
  planted.push({ code: 'P101', record: `placements:${secure.placementId}` });

  id = take(); // external placement with no weekly cost
  episodeOf(id).legalReason = 'cso_away';
  const unpriced = placementsOf(id).at(-1)!;
  Object.assign(unpriced, { placementType: 'foster_purchased', providerId: 'PR-PV', weeklyCost: null });
  planted.push({ code: 'P102', record: `placements:${unpriced.placementId}` });

  id = take(); // another council's home, not out of authority
  episodeOf(id).legalReason = 'cso_away';
  const elsewhere = placementsOf(id).at(-1)!;
  Object.assign(elsewhere, { placementType: 'la_home', providerId: 'PR-OA', outOfAuthority: false, weeklyCost: 3_000 });
  planted.push({ code: 'P103', record: `placements:${elsewhere.placementId}` });

  id = take(); // no open case
  records.cases = records.cases.filter((record) => record.childId !== id);
  planted.push({ code: 'C108', record: `episodes:${episodeOf(id).episodeId}` });

  id = take(); // no allocated worker
  records.cases.find((record) => record.childId === id)!.workerId = null;
  planted.push({ code: 'C109', record: `cases:K-${id}` });

  id = take(); // a likely duplicate record of a looked after child, outside the return
  const duplicate = aChildRecord(`${id}-again`, { ...child(id), childId: `${id}-again`, forename: `${child(id).forename!.toUpperCase()}` });
  records.children.push(duplicate);
  planted.push({ code: 'C106', record: `children:${id}` }, { code: 'C106', record: `children:${duplicate.childId}` });

  id = take(); // an earlier episode that ended the day before this one began
  const earlierStart = addDays(episodeOf(id).startDate, -120);
  const earlierEnd = addDays(episodeOf(id).startDate, -1);
  records.episodes.push({ episodeId: `E-${id}-before`, childId: id, startDate: earlierStart, endDate: earlierEnd, legalReason: 'cso_away', reasonEnded: 'home_with_parents' });
  records.placements.push(aPlacement(`P-${id}-before`, id, { episodeId: `E-${id}-before`, startDate: earlierStart, endDate: earlierEnd }));
  if (child(id).dateOfBirth > earlierStart) child(id).dateOfBirth = addYears(earlierStart, -3);
  planted.push({ code: 'E111', record: `episodes:E-${id}-before` }, { code: 'E111', record: `episodes:${episodeOf(id).episodeId}` });

  id = take(); // offence ground for a child of 11
  child(id).dateOfBirth = '2010-09-01';
  records.reporterReferrals.push({ scraReferralId: `SR-${id}`, childId: id, referralDate: '2022-03-03', ground: 'j' });
  planted.push({ code: 'S101', record: `reporterReferrals:SR-${id}` });

  const registrations = records.registrations.filter((registration) => registration.deregisteredDate === null);
  const [noReview, noReason, noMeeting] = [registrations[0]!, registrations[1]!, registrations[2]!];
  noReview.registeredDate = '2021-03-01'; // on the register 17 months, no review since
  records.planningMeetings = records.planningMeetings.filter((meeting) => meeting.childId !== noReview.childId);
  planted.push({ code: 'R101', record: `registrations:${noReview.registrationId}` });
  noReason.deregisteredDate = '2022-06-01'; // de-registered with no reason
  planted.push({ code: 'R102', record: `registrations:${noReason.registrationId}` });
  records.planningMeetings = records.planningMeetings.filter((meeting) => meeting.childId !== noMeeting.childId); // no meeting decided it
  planted.push({ code: 'R103', record: `registrations:${noMeeting.registrationId}` });

  records.population = []; // no population for the census year
  planted.push({ code: 'Y101', record: 'population:2022' });
  return planted;
}
