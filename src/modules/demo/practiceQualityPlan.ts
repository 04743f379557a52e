/**
 * @module The demo's practice-quality story as a plan: the staff register and its Signs of Safety training, the
 * grades the two case file audit rounds give, and how families and staff answer the two survey waves. Pure and
 * deterministic: the same seed and reference date give the same plan (no clock, no database).
 */
import { scaleGrades, type Grade, type Scale } from '../caseFileAudits/caseFileAudit.js';
import type { StaffGroup } from '../training/training.js';
import { teams } from './authority.js';
import { day, isoDate } from './dates.js';
import { nameMaker } from './names.js';
import { createRandom, type Random } from '../../platform/random/seededRandom.js';

/** The two periods of the story: the baseline year (training starts) and the comparator a year later. */
export interface PracticeQualityDates {
  baseline: { start: string; end: string };
  comparator: { start: string; end: string };
}

/**
 * The comparator period ends on the last 30 September at least a month before the reference date; the baseline is
 * the same six months a year earlier.
 * @example practiceQualityDates('2022-10-31') // { baseline: { start: '2021-04-01', end: '2021-09-30' }, comparator: { start: '2022-04-01', end: '2022-09-30' } }
 */
export function practiceQualityDates(today: string): PracticeQualityDates {
  const year = Number(today.slice(0, 4));
  const endYear = day(`${year}-09-30`) + 31 <= day(today) ? year : year - 1;
  const period = (y: number) => ({ start: `${y}-04-01`, end: `${y}-09-30` });
  return { baseline: period(endYear - 1), comparator: period(endYear) };
}

/**
 * Answer weights from poor (level 0) to strong (level 4), most positive answer first: used for audit grades on the
 * five-point scale and for Likert answers alike.
 */
const levelWeights: readonly (readonly number[])[] = [
  [2, 10, 33, 35, 20],
  [4, 16, 40, 28, 12],
  [8, 27, 38, 20, 7],
  [14, 38, 32, 12, 4],
  [22, 44, 24, 8, 2],
];

export type Phase = 'baseline' | 'comparator';

// ---------------------------------------------------------------- training

export interface PlannedStaff {
  key: string;
  name: string;
  staffGroup: StaffGroup;
  team: string;
  activeFrom: string;
  activeTo: string | null;
}

export type CourseKey = 'fourDay' | 'briefing';

export const demoCourses: Record<CourseKey, { title: string; days: number; countsAsTrained: boolean; intendedGroups: StaffGroup[] }> = {
  fourDay: { title: 'Signs of Safety 4-day practice training', days: 4, countsAsTrained: true, intendedGroups: ['social_work', 'family_support'] },
  // The seed report's "separate day sessions" for other staff groups: for them, the day is the training.
  briefing: { title: 'Signs of Safety one-day briefing', days: 1, countsAsTrained: true, intendedGroups: ['childrens_panel', 'head_teachers', 'education', 'health', 'police', 'admin', 'other'] },
};

export interface PlannedSession {
  course: CourseKey;
  venue: string;
  trainer: string;
  dates: string[];
  /** Who attended which days (day numbers from 1). */
  attendance: { staffKey: string; days: number[] }[];
}

export interface TrainingPlan {
  staff: PlannedStaff[];
  sessions: PlannedSession[];
}

/** How many of each group, and the teams they work in. */
const groups: readonly { group: StaffGroup; count: number; teams: readonly string[]; women: number }[] = [
  { group: 'social_work', count: 24, teams: [teams.north, teams.south, teams.familyFirst, teams.throughcare, teams.disabilities], women: 0.8 },
  { group: 'family_support', count: 8, teams: [teams.familyFirst, teams.north, teams.south], women: 0.85 },
  { group: 'childrens_panel', count: 12, teams: ['Glenmuir Children’s Panel'], women: 0.6 },
  { group: 'head_teachers', count: 6, teams: ['Corsebank Academy', 'Ardmorran High School', 'Drumlaggan Primary', 'Inverbrae Primary', 'Strathmuir Academy', 'Corsebank Primary'], women: 0.6 },
  { group: 'admin', count: 5, teams: ['Business support'], women: 0.8 },
  { group: 'health', count: 2, teams: ['Health visiting'], women: 0.9 },
  { group: 'police', count: 2, teams: ['Police Scotland, Glenmuir'], women: 0.4 },
];

const venues = ['Glenmuir Council Offices, Strathmuir', 'Corsebank Community Centre', 'Inverbrae Learning Centre'];
const trainers = ['Signs of Safety licensed trainer', 'Glenmuir Signs of Safety practice lead'];

/** The first `weekday` (0 Monday … 6 Sunday) on or after a date. */
function weekdayOnOrAfter(iso: string, weekday: number): number {
  const start = day(iso);
  return start + ((weekday - ((start + 3) % 7) + 7) % 7);
}

/** The staff register: ~60 people; two social workers join after the baseline and one leaves before being trained. */
function planStaff(seed: number, random: Random, year: number): PlannedStaff[] {
  const names = nameMaker(seed ^ 0x5eed);
  const staff: PlannedStaff[] = [];
  for (const g of groups) {
    for (let n = 0; n < g.count; n += 1) {
      const name = `${names.forename(random.chance(g.women) ? 'F' : 'M')} ${names.surname()}`;
      const activeFrom = isoDate(day(`${year - 6}-01-01`) + random.int(0, 365 * 4));
      staff.push({ key: `${g.group}-${n + 1}`, name, staffGroup: g.group, team: g.teams[n % g.teams.length]!, activeFrom, activeTo: null });
    }
  }
  // Joiners (after the baseline) and a leaver, among the social workers.
  const joiners = [`${year}-01-10`, `${year}-02-14`];
  joiners.forEach((activeFrom, index) => {
    const sex = random.chance(0.8) ? 'F' : 'M';
    staff.push({ key: `social_work-joiner-${index + 1}`, name: `${names.forename(sex)} ${names.surname()}`, staffGroup: 'social_work', team: index ? teams.south : teams.north, activeFrom, activeTo: null });
  });
  staff.find((s) => s.key === 'social_work-24')!.activeTo = `${year - 1}-12-23`;
  return staff;
}

/** Sessions of one course: `starts` are the months they run in; each takes the next people from `queue`. */
function planCourse(course: CourseKey, starts: readonly { month: string; places: number }[], queue: PlannedStaff[], random: Random): PlannedSession[] {
  const days = demoCourses[course].days;
  return starts.map(({ month, places }) => {
    // Two-day blocks a week apart for the four-day course (Tuesday and Wednesday); a Wednesday for the briefing.
    const first = weekdayOnOrAfter(`${month}-05`, course === 'fourDay' ? 1 : 2);
    const dates = (course === 'fourDay' ? [0, 1, 7, 8] : [0]).map((offset) => isoDate(first + offset)).slice(0, days);
    const attendance: PlannedSession['attendance'] = [];
    const deferred: PlannedStaff[] = [];
    while (attendance.length < places && queue.length) {
      const person = queue.shift()!;
      const active = person.activeFrom <= dates[0]! && (person.activeTo === null || person.activeTo >= dates.at(-1)!);
      if (!active) { deferred.push(person); continue; }
      // Now and then someone misses a day (ill, a child protection visit) and comes back to a later session.
      const missed = days > 1 && random.chance(0.12) ? random.int(1, days) : 0;
      attendance.push({ staffKey: person.key, days: Array.from({ length: days }, (_, i) => i + 1).filter((d) => d !== missed) });
      if (missed) deferred.push(person);
    }
    queue.unshift(...deferred);
    return { course, venue: random.pick(venues), trainer: random.pick(trainers), dates, attendance };
  });
}

/**
 * The staff register and the Signs of Safety sessions: a pilot cohort before the baseline (a fifth of social
 * work), then sessions through the year to about nine in ten by the comparator; one-day briefings for the
 * other groups from the baseline month on.
 * @example planTraining(2021, '2022-10-31').staff.length // 62
 */
export function planTraining(seed: number, today: string): TrainingPlan {
  const random = createRandom(seed, 'practice-quality-training');
  const year = Number(practiceQualityDates(today).comparator.end.slice(0, 4));
  const last = `${year - 1}`;
  const staff = planStaff(seed, random, year);
  const inGroups = (wanted: readonly StaffGroup[]) => staff.filter((s) => wanted.includes(s.staffGroup));
  // Social workers first in a seeded order, the leaver last (they leave untrained), then family support workers mixed in.
  const social = shuffled(inGroups(['social_work']).filter((s) => s.activeTo === null), random);
  const support = shuffled(inGroups(['family_support']), random);
  const queue: PlannedStaff[] = [];
  while (social.length || support.length) {
    queue.push(...social.splice(0, 4));
    if (support.length) queue.push(support.shift()!);
  }
  queue.push(...staff.filter((s) => s.activeTo !== null));
  const fourDay = planCourse('fourDay', [
    { month: `${last}-06`, places: 6 }, { month: `${last}-10`, places: 5 }, { month: `${last}-11`, places: 5 },
    { month: `${year}-01`, places: 5 }, { month: `${year}-03`, places: 4 }, { month: `${year}-05`, places: 4 }, { month: `${year}-06`, places: 3 },
  ], queue, random);
  const briefing = planCourse('briefing', [
    { month: `${last}-09`, places: 3 }, { month: `${last}-11`, places: 5 }, { month: `${year}-02`, places: 4 },
    { month: `${year}-04`, places: 4 }, { month: `${year}-06`, places: 4 }, { month: `${year}-08`, places: 3 },
  ], shuffled(inGroups(demoCourses.briefing.intendedGroups), random), random);
  return { staff, sessions: [...fourDay, ...briefing].sort((a, b) => (a.dates[0]! < b.dates[0]! ? -1 : 1)) };
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool;
}

// ---------------------------------------------------------------- case file audits

/** Each Signs of Safety question's level in each round (a Yes/No question's chance of Yes); practice improves on most. */
const questionLevels: Record<string, { baseline: number; comparator: number }> = {
  map_present: { baseline: 0.3, comparator: 0.78 },
  harm_danger_plain_language: { baseline: 1, comparator: 3 },
  danger_paired_with_goal: { baseline: 0, comparator: 3 },
  scaling_family_agencies: { baseline: 1, comparator: 3 },
  safety_network: { baseline: 0, comparator: 2 },
  safety_plan: { baseline: 1, comparator: 2 },
  childs_voice: { baseline: 2, comparator: 3 },
  next_steps: { baseline: 2, comparator: 2 },
};
const otherQuestion = { baseline: 1, comparator: 2 };

function drawGrade(scale: Scale, level: number, random: Random): Grade {
  if (scale === 'yes_no') return random.chance(level) ? 'yes' : 'no';
  return scaleGrades.five_point[random.weightedIndex(levelWeights[Math.round(level)]!)]!;
}

/** One step better or worse on the scale (staying on it). */
function nextTo(scale: Scale, grade: Grade, random: Random): Grade {
  const order = scaleGrades[scale];
  const index = order.indexOf(grade);
  const step = index === 0 ? 1 : index === order.length - 1 ? -1 : random.chance(0.5) ? 1 : -1;
  return order[index + step]!;
}

/**
 * The grades for one file: the allocated auditor's (`audit`) or the second auditor's (`moderation`), who agrees
 * on most questions and differs by one grade now and then.
 * @example auditGrades(2021, 'comparator', 'C000123', 'audit', questions).map_present // 'yes'
 */
export function auditGrades(seed: number, phase: Phase, caseId: string, part: 'audit' | 'moderation', questions: readonly { key: string; scale: Scale }[]): Record<string, Grade> {
  const random = createRandom(seed, `practice-quality-audit-${phase}-${caseId}`);
  const second = createRandom(seed, `practice-quality-moderation-${phase}-${caseId}`);
  const grades: Record<string, Grade> = {};
  for (const q of questions) {
    const grade = drawGrade(q.scale, (questionLevels[q.key] ?? otherQuestion)[phase], random);
    grades[q.key] = part === 'moderation' && second.chance(0.12) ? nextTo(q.scale, grade, second) : grade;
  }
  return grades;
}

const strengths: Record<Phase, readonly string[]> = {
  baseline: ['Thorough chronology and regular visits.', 'Good contact with school and health visitor.', 'Worries are recorded, though in professional language.', 'Parents’ views are noted at meetings.'],
  comparator: ['Clear danger statements the family helped to word.', 'Strong safety network with named family members.', 'The child’s Three Houses is on file and used in the plan.', 'Scaling recorded by the family and each agency at every meeting.'],
};
const actions: Record<Phase, readonly string[]> = {
  baseline: ['Complete a Signs of Safety map with the family.', 'Write harm and danger statements in plain language.', 'Record the child’s own words about their worries.', 'Agree a safety plan with the network.'],
  comparator: ['Review the safety plan with the network.', 'Add next steps with dates.', 'Update the map since the last core group.', 'Record the child’s wishes after the next visit.'],
};

/** The auditor's notes for a file: one strength and one action, in the round's words. */
export function auditNotes(seed: number, phase: Phase, caseId: string): { strengths: string; actions: string } {
  const random = createRandom(seed, `practice-quality-notes-${phase}-${caseId}`);
  return { strengths: random.pick(strengths[phase]), actions: random.pick(actions[phase]) };
}

// ---------------------------------------------------------------- surveys

export interface PlannedQuestion {
  kind: 'likert' | 'free_text';
  text: string;
  hint: string;
  scale: 'agreement' | 'satisfaction' | 'frequency' | null;
  /** Likert only: how positive the answers are in each wave (0 poor … 4 strong). */
  levels: { baseline: number; comparator: number };
  /** Free text only: what people write, per wave. */
  words: Record<Phase, readonly string[]>;
}

export interface PlannedSurvey {
  key: 'families' | 'staff';
  title: string;
  audience: 'families' | 'staff';
  intro: string;
  questions: PlannedQuestion[];
  respondents: { baseline: [number, number]; comparator: [number, number] };
}

const likert = (text: string, scale: PlannedQuestion['scale'], baseline: number, comparator: number): PlannedQuestion =>
  ({ kind: 'likert', text, hint: '', scale, levels: { baseline, comparator }, words: { baseline: [], comparator: [] } });
const freeText = (text: string, words: Record<Phase, readonly string[]>): PlannedQuestion =>
  ({ kind: 'free_text', text, hint: 'Optional. Please do not write anyone’s name.', scale: null, levels: { baseline: 0, comparator: 0 }, words });

/** The family survey (the seed report's "base rate of service users’ experience") and the staff survey (how connected front-line staff feel). */
export const demoSurveys: readonly PlannedSurvey[] = [
  {
    key: 'families', title: 'Family experience survey', audience: 'families',
    intro: 'We would like to know what it has been like for your family to get help from children’s services. Your answers are anonymous.',
    respondents: { baseline: [22, 28], comparator: [24, 32] },
    questions: [
      likert('My worker explained clearly what they were worried about', 'agreement', 1, 3),
      likert('My worker listened to me and my family', 'agreement', 2, 3),
      likert('We were asked what was going well in our family, not only about the worries', 'agreement', 1, 3),
      likert('I understood what needed to happen for the worries to be over', 'agreement', 1, 3),
      likert('People who matter to us helped to make the plan', 'agreement', 0, 2),
      likert('Overall, how satisfied are you with the help your family got?', 'satisfaction', 1, 3),
      freeText('What one thing would have made the help better?', {
        baseline: ['More time with the same worker.', 'Being told what the worries were at the start.', 'Less jargon in the meetings.', 'Meetings at times we could manage.', 'Being listened to.'],
        comparator: ['It helped that Gran was part of the plan.', 'The words and pictures helped my son understand.', 'Keep the same worker.', 'Nothing, it was good.', 'Meetings after school.'],
      }),
    ],
  },
  {
    key: 'staff', title: 'Staff survey: connection and practice', audience: 'staff',
    intro: 'How connected do you feel to senior managers, Heads of Service and elected members, and how confident in your practice? Anonymous.',
    respondents: { baseline: [34, 42], comparator: [38, 48] },
    questions: [
      likert('I feel connected to senior managers in children’s services', 'agreement', 1, 3),
      likert('Heads of Service understand the work I do with families', 'agreement', 1, 3),
      likert('Elected members know about the difference our work makes', 'agreement', 0, 1),
      likert('I feel confident using Signs of Safety in my work with families', 'agreement', 0, 3),
      likert('My supervision helps me think about danger, safety and what is working well', 'agreement', 1, 3),
      likert('How often do you have enough time to get to know the families you work with?', 'frequency', 1, 2),
      freeText('What would help you most in your practice?', {
        baseline: ['Fewer forms.', 'Time to reflect with colleagues.', 'Training in the new model.', 'Seeing senior managers in the office.', 'Smaller caseloads.'],
        comparator: ['Group supervision using mapping is really useful.', 'More practice leads.', 'Keep the appreciative inquiry sessions.', 'Time to write plans with families.', 'Refresher days for new staff.'],
      }),
    ],
  },
];

/** What one respondent sends: per question's position in the survey (0-based), a choice 1-5 or words. */
export type PlannedResponse = (({ choice: number } | { words: string }) | undefined)[];

/**
 * Every response of one wave of one survey.
 * @example planResponses(2021, demoSurveys[0], 'baseline').length // between 22 and 28
 */
export function planResponses(seed: number, survey: PlannedSurvey, phase: Phase): PlannedResponse[] {
  const random = createRandom(seed, `practice-quality-survey-${survey.key}-${phase}`);
  const [low, high] = survey.respondents[phase];
  return Array.from({ length: random.int(low, high) }, () => survey.questions.map((q) => {
    if (q.kind === 'likert') return { choice: random.weightedIndex(levelWeights[q.levels[phase]]!) + 1 };
    return random.chance(0.6) ? { words: random.pick(q.words[phase]) } : undefined;
  }));
}
