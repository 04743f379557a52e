/**
 * @module Referrals to social work from 2016, and the involvement each leads to: background referrals from
 * police, schools and health; the referrals before a child comes into care or onto the register; children
 * with disabilities; and, from 1 July 2021, the Family First referrals in its cluster.
 */
import { clusters, familyFirst, recordsStart, workersByTeam } from './authority.js';
import type { ChildPool, DemoChild, Span } from './children.js';
import { addMonths, addYears, ageOn, day, daysPerYear, fromParts, yearOf, type Day } from './dates.js';
import type { EpisodeModel } from './careHistory.js';
import type { RegistrationModel } from './protection.js';
import type { Random } from '../../platform/random/seededRandom.js';
import { type Pathway, type ReferralSource } from '../../platform/codes/referralCodes.js';

export interface ReferralModel {
  child: DemoChild;
  received: Day;
  source: ReferralSource;
  reason: string;
  pathway: Pathway;
  closed: Day | null;
}

/** A stretch of social work involvement with a child; cases are these, merged per child. */
export interface Involvement extends Span {
  child: DemoChild;
  kind: 'looked_after' | 'protection' | 'family_first' | 'disability' | 'assessment';
  /** The worker, where it is chosen with the involvement (Family First workers take a whole family). */
  workerId?: string;
}

const reasonsBySource: Readonly<Record<ReferralSource, readonly string[]>> = {
  police: ['Domestic abuse incident reported by Police Scotland', 'Concern for person report', 'Missing from home', 'Child found in unsafe situation', 'Offending behaviour, joint referral with Police'],
  education: ['Attendance and wellbeing concerns', 'Disclosure at school', 'Presentation at school, hunger and hygiene', 'Behaviour at school, stress at home'],
  health: ['Health visitor concern, neglect', 'Missed health appointments', 'Parental mental health, raised by GP', 'Self-harm presentation at A&E'],
  self_or_family: ['Parent asking for support with behaviour', 'Family relationship breakdown', 'Young person asking for help'],
  social_work: ["Adult services concern about a parent's capacity", 'Transfer in from another authority'],
  scra: ['Reporter request for an assessment'],
  third_sector: ["Women's Aid referral, domestic abuse", 'Housing support concern, poor home conditions'],
  other: ['Anonymous concern from a neighbour', 'Housing, poor home conditions'],
};

const sourceWeights: Readonly<Record<ReferralSource, number>> = {
  police: 30, education: 20, health: 18, self_or_family: 8, social_work: 6, scra: 6, third_sector: 6, other: 6,
};

/** Referrals (rows, one per child) received in each calendar year, besides the ones below. */
const referralsPerYear: Readonly<Record<number, number>> = {
  2016: 1560, 2017: 1540, 2018: 1510, 2019: 1490, 2020: 1240, 2021: 1400, 2022: 1380,
};

const familyFirstReasons = [
  'Risk of family breakdown, conflict with teenager',
  'Parent struggling to cope, risk of accommodation',
  'Attendance and emotional wellbeing, family under strain',
  'Parental mental health, support to stay together',
  'Conflict at home, at risk of becoming looked after',
];

/** How long an assessment-led involvement lasts: many short, some for years. */
function involvementDays(random: Random): number {
  const kind = random.weightedIndex([30, 35, 35]);
  if (kind === 0) return random.int(45, 180);
  if (kind === 1) return random.int(180, 540);
  return random.int(540, 2100);
}

export interface ReferralHistory {
  referrals: ReferralModel[];
  involvements: Involvement[];
  /** Children referred, in the order first met: the Reporter stage draws on them. */
  known: DemoChild[];
}

/**
 * Generate referrals and involvements, given the care history and the register.
 * @example const history = generateReferrals(createRandom(2021, 'referrals'), pool, episodes, registrations, day('2022-10-31'))
 */
export function generateReferrals(random: Random, pool: ChildPool, episodes: readonly EpisodeModel[], registrations: readonly RegistrationModel[], today: Day): ReferralHistory {
  const referrals: ReferralModel[] = [];
  const involvements: Involvement[] = [];
  const known: DemoChild[] = [];
  const knownSet = new Set<DemoChild>();
  const first = day(recordsStart);
  const familyFirstStart = day(familyFirst.start);
  const closedBy = (value: Day): Day | null => (value > today ? null : value);
  const meet = (child: DemoChild) => {
    if (!knownSet.has(child)) {
      knownSet.add(child);
      known.push(child);
    }
  };
  const refer = (child: DemoChild, received: Day, source: ReferralSource, reason: string, pathway: Pathway, closedAfter: number) => {
    referrals.push({ child, received, source, reason, pathway, closed: closedBy(received + closedAfter) });
    meet(child);
  };
  const involve = (child: DemoChild, kind: Involvement['kind'], start: Day, end: Day | null, workerId?: string) => {
    involvements.push({ child, kind, start, end: end === null || end > today ? null : end, workerId });
  };

  // Before coming into care: a referral, then the involvement lasting until a while after the child leaves.
  for (const episode of episodes) {
    const { child } = episode;
    const registration = registrations.find((r) => r.child === child && r.end === episode.start);
    const before = registration ? registration.start : episode.start;
    const received = Math.max(child.dateOfBirth, before - random.int(7, 60));
    if (received >= first) {
      const source = random.weighted<ReferralSource>({ police: 30, social_work: 25, education: 15, health: 15, scra: 10, other: 5 });
      refer(child, received, source, random.pick(['Escalating concerns, care away from home considered', 'Breakdown of care at home', ...reasonsBySource[source]]), 'social_work_assessment', random.int(7, 28));
    }
    const opened = Math.max(child.dateOfBirth, Math.min(received, episode.start - random.int(0, 30)));
    involve(child, 'looked_after', opened, episode.end === null ? null : episode.end + random.int(14, 90));
  }

  // Before registration (unless it came with coming into care): a referral, then the involvement.
  for (const registration of registrations) {
    const { child } = registration;
    if (registration.reason === 'child_looked_after' && referrals.some((r) => r.child === child && r.received <= registration.start && r.received >= registration.start - 70)) continue;
    const received = Math.max(child.dateOfBirth, registration.start - random.int(5, 30));
    if (received >= first) {
      const source = random.weighted<ReferralSource>({ police: 40, health: 25, education: 25, third_sector: 5, other: 5 });
      refer(child, received, source, random.pick(reasonsBySource[source]), 'social_work_assessment', random.int(5, 20));
    }
    involve(child, 'protection', received, registration.end === null ? null : registration.end + random.int(30, 180));
  }

  // Family First: families in its cluster at risk of a child becoming looked after, from 1 July 2021.
  const referredFamilies = new Set<DemoChild['family']>();
  const cluster = clusters.find((c) => c.name === familyFirst.cluster)!;
  for (let monthStart = familyFirstStart; monthStart <= today; monthStart = addMonths(monthStart, 1)) {
    const monthEnd = Math.min(addMonths(monthStart, 1) - 1, today);
    for (let families = random.int(2, 3); families > 0; families -= 1) {
      const received = random.int(monthStart, monthEnd);
      const atRisk = (c: DemoChild) => !referredFamilies.has(c.family) && c.dateOfBirth <= received && c.lookedAfter.every((s) => s.end !== null && s.end <= received);
      const child = pool.pick(random, cluster, received, Math.floor(3 * daysPerYear), Math.floor(15 * daysPerYear), atRisk);
      referredFamilies.add(child.family);
      const children = [child, ...child.family.members.filter((c) => c !== child && c.dateOfBirth <= received && ageOn(c.dateOfBirth, received) < 16 && random.chance(0.2))];
      const workerId = random.pick(workersByTeam.familyFirst);
      const source = random.weighted<ReferralSource>({ education: 45, health: 15, social_work: 15, police: 10, self_or_family: 10, third_sector: 5 });
      const reason = random.pick(familyFirstReasons);
      const opened = received + random.int(1, 7);
      const closed = opened + random.int(150, 480);
      for (const member of children) {
        refer(member, received, source, reason, 'family_first', random.int(2, 10));
        involve(member, 'family_first', opened, closed, workerId);
      }
    }
  }

  // Children with disabilities, many known to the service for years.
  for (const child of pool.children) {
    if (child.disability !== 'Y' || !random.chance(0.3)) continue;
    const earliest = Math.max(child.dateOfBirth + 180, day('2012-01-01'));
    const latest = Math.min(today - 14, addYears(child.dateOfBirth, 18) - 30);
    if (earliest > latest) continue;
    const opened = random.int(earliest, latest);
    if (opened >= first) {
      const source = random.weighted<ReferralSource>({ health: 50, education: 30, self_or_family: 20 });
      refer(child, opened, source, 'Assessment of needs: disability', 'social_work_assessment', random.int(20, 60));
    }
    involve(child, 'disability', opened, random.chance(0.8) ? null : opened + random.int(365, 1800));
  }

  // Everyday referrals: one child, or a household after a police report; some children referred again.
  const clusterWeights = clusters.map((c) => c.share * c.need);
  const lockdownFrom = day('2020-03-23');
  const lockdownTo = day('2020-06-30');
  for (let year = yearOf(first); fromParts(year, 1, 1) <= today; year += 1) {
    const from = Math.max(first, fromParts(year, 1, 1));
    const to = Math.min(today, fromParts(year, 12, 31));
    const wanted = Math.round((referralsPerYear[year] ?? 1380) * ((to - from + 1) / 365));
    let made = 0;
    while (made < wanted) {
      let received = random.int(from, to);
      if (received >= lockdownFrom && received <= lockdownTo && random.chance(0.45)) received = random.int(from, to);
      const oldest = Math.floor(17.9 * daysPerYear);
      let child: DemoChild | undefined;
      if (known.length && random.chance(0.3)) {
        const candidate = random.pick(known);
        if (candidate.dateOfBirth <= received && received - candidate.dateOfBirth <= oldest) child = candidate;
      }
      child ??= pool.pick(random, clusters[random.weightedIndex(clusterWeights)]!, received, 0, oldest);
      const source = random.weighted(sourceWeights);
      const household = source === 'police' && random.chance(0.5);
      const children = household
        ? child.family.members.filter((c) => c.dateOfBirth <= received && addYears(c.dateOfBirth, 18) > received)
        : [child];
      const reason = random.pick(reasonsBySource[source]);
      const pathway = random.weighted<Pathway>({ social_work_assessment: 36, signposted: 34, no_further_action: 30 });
      for (const member of children) {
        const closedAfter = pathway === 'no_further_action' ? random.int(0, 5) : pathway === 'signposted' ? random.int(1, 14) : random.int(14, 70);
        refer(member, received, source, reason, pathway, closedAfter);
        if (pathway === 'social_work_assessment' && random.chance(0.85)) {
          const opened = received + random.int(5, 21);
          involve(member, 'assessment', opened, opened + involvementDays(random));
        }
        made += 1;
      }
    }
  }

  // Involvement that began before referrals were recorded (cases carry it; the referrals are not in the extract).
  for (let opened = day('2011-08-01'); opened < first; opened += random.int(0, 2)) {
    const closed = opened + involvementDays(random);
    if (closed < day('2015-08-01')) continue;
    const cluster = clusters[random.weightedIndex(clusterWeights)]!;
    const child = pool.pick(random, cluster, opened, 0, Math.floor(17.5 * daysPerYear));
    involve(child, 'assessment', opened, closed);
  }
  return { referrals, involvements, known };
}
