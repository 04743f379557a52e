/**
 * @module The demo's children and families: about 20,000 children aged 0–17 in households across the five
 * clusters, plus the young people, now adults, whose history as children the records hold.
 */
import { clusters, type Cluster } from './authority.js';
import { addYears, type Day } from './dates.js';
import { nameMaker, type NameMaker, type Sex } from './names.js';
import type { Random } from '../../platform/random/seededRandom.js';

export interface DemoFamily {
  familyId: string;
  cluster: Cluster;
  locality: string;
  members: DemoChild[];
}

/** A span of days: from `start` (included) to `end` (excluded), open when `end` is null. */
export interface Span {
  start: Day;
  end: Day | null;
}

export interface DemoChild {
  childId: string;
  family: DemoFamily;
  forename: string;
  surname: string;
  dateOfBirth: Day;
  sex: Sex;
  ethnicity: string;
  disability: 'Y' | 'N' | 'U';
  cluster: Cluster;
  locality: string;
  /** Looked after episodes, in order; used to keep episodes from overlapping. */
  lookedAfter: Span[];
  /** Child protection registrations, in order. */
  registrations: Span[];
}

/** Which children may be picked for something on a day. */
export type Eligibility = (child: DemoChild) => boolean;

const ethnicities: Readonly<Record<string, number>> = {
  'White Scottish': 880, 'White Other British': 50, 'White Polish': 15, 'White Other': 12, 'Mixed or multiple ethnic groups': 15,
  'Asian Pakistani': 9, 'Asian Indian': 4, 'Asian Chinese': 3, 'African': 7, 'Gypsy/Traveller': 3, 'Not known': 2,
};
const familySizes: readonly number[] = [0, 45, 35, 14, 5, 1];

export interface ChildPool {
  readonly children: DemoChild[];
  readonly families: DemoFamily[];
  /** Children born on or after this day are aged 0–17 on the reference date. */
  readonly earliestCurrentBirth: Day;
  /**
   * A child of the cluster aged from `youngestDays` to `oldestDays` on `on` (ages in days) for whom
   * `eligible` holds. Children too old to be in today's population are made on demand (they are
   * adults now, but were children then), and some of them are met again.
   */
  pick(random: Random, cluster: Cluster, on: Day, youngestDays: number, oldestDays: number, eligible?: Eligibility): DemoChild;
}

function sexOf(random: Random): Sex {
  const draw = random.next();
  return draw < 0.506 ? 'M' : draw < 0.998 ? 'F' : 'U';
}

function lowerBound(children: readonly DemoChild[], dateOfBirth: Day): number {
  let low = 0;
  let high = children.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (children[middle]!.dateOfBirth < dateOfBirth) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Build the population: households of one to five children in the five clusters, aged 0–17 on `today`,
 * about `count` children in all.
 * @example const pool = createChildPool(createRandom(2021, 'children'), 2021, day('2022-10-31'), 19840)
 */
export function createChildPool(random: Random, seed: number, today: Day, count: number): ChildPool {
  const names: NameMaker = nameMaker(seed);
  const children: DemoChild[] = [];
  const families: DemoFamily[] = [];
  const earliestCurrentBirth = addYears(today, -18) + 1;
  const clusterWeights = clusters.map((c) => c.share);

  const newFamily = (cluster: Cluster): DemoFamily => {
    const family: DemoFamily = {
      familyId: `F${String(families.length + 1).padStart(6, '0')}`,
      cluster,
      locality: random.pick(cluster.localities),
      members: [],
    };
    families.push(family);
    return family;
  };
  const newChild = (family: DemoFamily, dateOfBirth: Day, surname: string, ethnicity: string): DemoChild => {
    const sex = sexOf(random);
    const draw = random.next();
    const child: DemoChild = {
      childId: `C${String(children.length + 1).padStart(6, '0')}`,
      family,
      forename: names.forename(sex),
      surname,
      dateOfBirth,
      sex,
      ethnicity,
      disability: draw < 0.06 ? 'Y' : draw < 0.99 ? 'N' : 'U',
      cluster: family.cluster,
      locality: family.locality,
      lookedAfter: [],
      registrations: [],
    };
    children.push(child);
    family.members.push(child);
    return child;
  };

  while (children.length < count) {
    const family = newFamily(clusters[random.weightedIndex(clusterWeights)]!);
    const size = Math.min(random.weightedIndex(familySizes), count - children.length);
    const surname = names.surname();
    const ethnicity = random.weighted(ethnicities);
    const births: Day[] = [random.int(earliestCurrentBirth, today)];
    for (let attempt = 0; births.length < size && attempt < size * 4; attempt += 1) {
      const sibling = random.pick(births) + (random.chance(0.5) ? 1 : -1) * random.int(320, 2200);
      if (sibling >= earliestCurrentBirth && sibling <= today) births.push(sibling);
    }
    births.sort((a, b) => a - b);
    for (const birth of births) {
      // About one child in eight has a different surname from their brothers and sisters.
      newChild(family, birth, random.chance(0.12) ? names.surname() : surname, ethnicity);
    }
  }

  const current = new Map<Cluster, DemoChild[]>(clusters.map((c) => [c, children.filter((child) => child.cluster === c).sort((a, b) => a.dateOfBirth - b.dateOfBirth)]));
  const formers = new Map<Cluster, DemoChild[]>(clusters.map((c) => [c, []]));

  const within = (child: DemoChild, from: Day, to: Day): boolean => child.dateOfBirth >= from && child.dateOfBirth <= to;

  return {
    children,
    families,
    earliestCurrentBirth,
    pick(pickRandom, cluster, on, youngestDays, oldestDays, eligible = () => true) {
      const from = on - oldestDays;
      const to = Math.min(on - youngestDays, on);
      const target = pickRandom.int(from, to);
      if (target >= earliestCurrentBirth) {
        const sorted = current.get(cluster)!;
        const start = lowerBound(sorted, target);
        for (let attempt = 0; attempt < 40; attempt += 1) {
          const child = sorted[start + pickRandom.int(-25, 25)];
          if (child && within(child, from, to) && eligible(child)) return child;
        }
        for (let i = lowerBound(sorted, from); i < sorted.length && sorted[i]!.dateOfBirth <= to; i += 1) {
          if (eligible(sorted[i]!)) return sorted[i]!;
        }
      } else {
        const earlier = formers.get(cluster)!;
        if (earlier.length && pickRandom.chance(0.45)) {
          for (let attempt = 0; attempt < 20; attempt += 1) {
            const child = pickRandom.pick(earlier);
            if (within(child, from, to) && eligible(child)) return child;
          }
        }
      }
      const family = newFamily(cluster);
      const child = newChild(family, target, names.surname(), random.weighted(ethnicities));
      if (target < earliestCurrentBirth) formers.get(cluster)!.push(child);
      else {
        const sorted = current.get(cluster)!;
        sorted.splice(lowerBound(sorted, target), 0, child);
      }
      return child;
    },
  };
}
