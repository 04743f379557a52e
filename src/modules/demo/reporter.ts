/**
 * @module Referrals to the Children's Reporter by financial year: care and protection grounds, and offence
 * referrals (ground j) that fall by almost half from 2018-19 to 2019-20, as in the seed report.
 */
import { clusters, recordsStart } from './authority.js';
import type { ChildPool, DemoChild } from './children.js';
import { addYears, ageOn, day, daysPerYear, fromParts, type Day } from './dates.js';
import type { Random } from '../../platform/random/seededRandom.js';
import { type ScraGround } from '../../platform/codes/reporterCodes.js';

export interface ScraReferralModel {
  child: DemoChild;
  date: Day;
  ground: ScraGround;
}

/** Distinct children referred on offence grounds in the financial year starting April of the key. */
const offenceChildren: Readonly<Record<number, number>> = { 2016: 74, 2017: 70, 2018: 66, 2019: 36, 2020: 31, 2021: 29, 2022: 27 };
/** Distinct children referred on care and protection grounds. */
const careChildren: Readonly<Record<number, number>> = { 2016: 210, 2017: 200, 2018: 190, 2019: 172, 2020: 150, 2021: 142, 2022: 138 };

const careGrounds: Readonly<Partial<Record<ScraGround, number>>> = {
  a: 38, b: 7, c: 3, d: 2, e: 9, f: 14, g: 1, h: 0.5, i: 0.3, k: 1.5, l: 1.5, m: 6, n: 3, o: 12, p: 0.1, q: 0.1,
};

/**
 * Generate Reporter referrals from April 2016 to `today`, mostly of children social work already knows.
 * @example const scra = generateScraReferrals(createRandom(2021, 'reporter'), pool, known, day('2022-10-31'))
 */
export function generateScraReferrals(random: Random, pool: ChildPool, known: readonly DemoChild[], today: Day): ScraReferralModel[] {
  const referrals: ScraReferralModel[] = [];
  const clusterWeights = clusters.map((c) => c.share * c.need);
  const ageBetween = (child: DemoChild, on: Day, youngest: number, oldest: number) =>
    child.dateOfBirth <= on && ageOn(child.dateOfBirth, on) >= youngest && ageOn(child.dateOfBirth, on) <= oldest;

  for (let year = 2016; fromParts(year, 4, 1) <= today; year += 1) {
    const from = Math.max(day(recordsStart), fromParts(year, 4, 1));
    const to = Math.min(today, fromParts(year + 1, 3, 31));
    const share = (to - from + 1) / 365;
    const referred = new Set<DemoChild>();
    for (const offence of [true, false]) {
      const wanted = Math.round(((offence ? offenceChildren : careChildren)[year] ?? (offence ? 26 : 135)) * share);
      const [youngest, oldest] = offence ? [12, 17] : [0, 15];
      for (let made = 0; made < wanted;) {
        const date = random.int(from, to);
        let child: DemoChild | undefined;
        if (known.length && random.chance(0.7)) {
          for (let attempt = 0; attempt < 8 && !child; attempt += 1) {
            const candidate = random.pick(known);
            if (!referred.has(candidate) && ageBetween(candidate, date, youngest, oldest)) child = candidate;
          }
        }
        child ??= pool.pick(random, clusters[random.weightedIndex(clusterWeights)]!, date, Math.ceil((youngest + 0.01) * daysPerYear), Math.floor((oldest + 0.9) * daysPerYear),
          (c) => !referred.has(c) && ageBetween(c, date, youngest, oldest));
        if (referred.has(child)) continue;
        referred.add(child);
        made += 1;
        const count = 1 + (random.chance(offence ? 0.45 : 0.2) ? 1 + (random.chance(0.35) ? 1 : 0) : 0);
        for (let n = 0; n < count; n += 1) {
          const when = n === 0 ? date : random.int(from, to);
          if (when >= addYears(child.dateOfBirth, 18) || when < child.dateOfBirth) continue;
          const ground = offence ? 'j' : random.weighted(careGrounds);
          // Not attending school (o) is a ground only for children of school age.
          referrals.push({ child, date: when, ground: ground === 'o' && !ageBetween(child, when, 5, 15) ? 'a' : ground });
        }
      }
    }
  }
  return referrals;
}
