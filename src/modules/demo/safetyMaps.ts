/**
 * @module The demo's Signs of Safety maps: for a dozen children with open Family First cases, a map with one or two
 * danger statements and safety goals, a few entries in each column, a safety network and plan rules, and three
 * meetings (case conference, core group, review) over the last months, each with everyone's number on the safety
 * scale and saved as a version named by the meeting. Numbers rise over the meetings for most children, not all.
 * Recorded as the Family First team manager through the safety service (audited as theirs), after the import.
 */
import { addDays, ageOn, daysBetween } from '../../platform/dates/isoDates.js';
import { createRandom, type Random } from '../../platform/random/seededRandom.js';
import type { SignedInUser } from '../../platform/access/user.js';
import type { MeetingType, PersonRole } from '../../platform/codes/safetyCodes.js';
import type { Database } from '../../db/database.js';
import type { MapEdit, SafetyService } from '../safety/safetyService.js';
import type { UserService } from '../users/userService.js';
import type { DemoExtract } from './extract.js';
import { teams } from './authority.js';
import { demoRepository } from './demoRepository.js';
import { planFamilyFirstWork } from './familyFirstWork.js';

/** What recordSafetyMaps needs from the composition root. */
export interface RecordSafetyMapsNeeds {
  db: Database;
  safety: SafetyService;
  users: UserService;
}

/** Danger statements with their safety goals (invented for the demo). */
const dangers: readonly { dangerStatement: string; safetyGoal: string }[] = [
  {
    dangerStatement: 'Social work and school are worried that when mum drinks in the evening the children are left to look after themselves and may go without food or get hurt',
    safetyGoal: 'Everyone will know that the children always have a sober adult looking after them, and meals every day',
  },
  {
    dangerStatement: 'Everyone is worried that when mum and her partner argue the children hear the shouting and see things being thrown, and could be hurt or very frightened',
    safetyGoal: 'The children will live in a home where adults sort out arguments safely, and the children will say they feel safe',
  },
  {
    dangerStatement: 'School is worried that the children often miss school and come in tired and hungry, and are falling behind',
    safetyGoal: 'The children will be at school every day, on time, having had breakfast',
  },
  {
    dangerStatement: 'Social work is worried that when dad feels low he stays in bed and nobody gets the children up, fed or to school',
    safetyGoal: 'Dad and his network will make sure the children are cared for on days when he feels low',
  },
  {
    dangerStatement: 'Health and social work are worried that the baby is not taken to health appointments and is not gaining weight',
    safetyGoal: 'The baby will go to every health appointment and grow well, checked by the health visitor',
  },
];

const harms = [
  'Police called to the house twice after neighbours heard shouting',
  'Found alone at home in the evening by a neighbour',
  'Missed 30 days of school last term',
  'Came to school with a bruise on the arm and could not say how it happened',
  'Missed three health visitor appointments in a row',
];
const complications = [
  'Mum finds it hard to ask for help and worries the children will be taken away',
  'The family moved twice this year and are far from relatives',
  'Money is tight and the electricity was cut off in the winter',
  'Dad has a long history of low mood and has stopped his medication',
];
const strengths = [
  'The children are warmly attached to their mum and she knows them well',
  'Gran lives nearby and sees the children most days',
  'Mum has kept every appointment with the drug and alcohol service since the summer',
  'The children love football and go to training every Saturday',
  'Dad reads with the youngest every night',
];
const safeties = [
  'Gran has the children to stay on Friday nights',
  'The guidance teacher checks in with the eldest every morning',
  'Mum phones her sister when things get tense at home',
];
const steps = [
  'Social worker to visit weekly and see the children on their own',
  'Mum to start the parenting group at the family centre',
  'School to arrange breakfast club places',
  'Family network meeting to agree who helps on which days',
  'Health visitor to weigh the baby every fortnight',
  'Dad to see his GP about his medication',
];
const laterSafety = [
  'The children have been at school every day for the last six weeks',
  'Gran and the aunt take turns to check in every evening',
  'Mum has a written plan on the fridge for who to call',
];

/** The safety network: relations the demo's families have (names invented). */
const networkPeople: readonly { name: string; relationship: string; agreedToDo: string }[] = [
  { name: 'Margaret Kerr', relationship: 'Gran', agreedToDo: 'Has the children on Friday nights and phones every evening at six' },
  { name: 'Lorna Baird', relationship: 'Aunt', agreedToDo: 'Takes the children to school on Mondays and Thursdays' },
  { name: 'Iain Morrison', relationship: 'Family friend', agreedToDo: 'Is the person mum calls when she feels she might drink' },
  { name: 'Shona McAllister', relationship: 'Neighbour', agreedToDo: 'Checks the children are home and fed on evenings mum works late' },
  { name: 'Derek Kerr', relationship: 'Uncle', agreedToDo: 'Takes the eldest to football and keeps an eye out at weekends' },
];
const rules = [
  { rule: 'Mum will not drink when she is looking after the children', whoDoesWhat: 'Mum tells Gran if she has had a drink; Gran comes over or takes the children', ifBroken: 'Gran phones the social worker the next morning' },
  { rule: 'The children are never left alone in the house', whoDoesWhat: 'Mum arranges a network person before she goes out', ifBroken: 'The neighbour takes the children and phones the social worker' },
  { rule: 'Arguments happen away from the children', whoDoesWhat: 'Either adult leaves the house and phones the family friend', ifBroken: 'The children call Gran, whose number they know by heart' },
];

const parentForenames = ['Kirsty', 'Lisa', 'Gemma', 'Donna', 'Claire', 'Stacey', 'Craig', 'Steven'];
const socialWorkers = ['Fiona Grant', 'Euan Dalgleish', 'Morag Sinclair', 'Ruth Ogilvie'];
const schoolStaff = ['Mrs Paterson, guidance teacher', 'Mr Reid, head teacher', 'Ms Lennox, depute head'];

/** One meeting to record: its kind, date, and everyone's numbers (per danger statement, in the map's order). */
export interface PlannedMeeting {
  meetingType: MeetingType;
  heldOn: string;
  people: { personName: string; personRole: PersonRole; scores: number[] }[];
}

/** One child's map as planned: what goes on it, and its three meetings. */
export interface PlannedSafetyMap {
  childId: string;
  title: string;
  pairs: { dangerStatement: string; safetyGoal: string }[];
  items: { category: 'harm' | 'complicating_factor' | 'existing_strength' | 'existing_safety' | 'next_step'; words: string; saidBy: string }[];
  network: { name: string; relationship: string; agreedToDo: string }[];
  rules: { rule: string; whoDoesWhat: string; ifBroken: string }[];
  /** Entries added between meetings (said at the meeting they are added before). */
  later: { category: 'existing_safety' | 'next_step'; words: string }[];
  rising: boolean;
  meetings: PlannedMeeting[];
}

/** A few distinct entries of a list, drawn in order from a random start. */
function some<T>(random: Random, list: readonly T[], count: number): T[] {
  const start = random.int(0, list.length - 1);
  return Array.from({ length: Math.min(count, list.length) }, (_, i) => list[(start + i) % list.length]!);
}

const clamp = (n: number) => Math.max(0, Math.min(10, n));

/**
 * Twelve children with open Family First cases (not stepped down by the demo's Family First work), one each, drawn
 * by the seed (opened at least ten weeks before the reference date); three meetings about five weeks apart (closer for
 * newer cases) from a fortnight after the case opened, ending before the reference date. Most children's numbers rise.
 * @example planSafetyMaps(extract).length // 12
 */
export function planSafetyMaps(extract: DemoExtract): PlannedSafetyMap[] {
  const random = createRandom(extract.seed, 'safety maps');
  const children = new Map(extract.children.map((c) => [c.child_id, c]));
  // Cases the demo's Family First work steps down are closed by then, so those children are left out.
  const steppedDown = new Set(planFamilyFirstWork(extract).filter((p) => p.stepDownOn !== null).map((p) => p.caseId));
  const candidates = [...new Map(extract.cases
    .filter((c) => c.team === teams.familyFirst && c.closed_date === null && !steppedDown.has(c.case_id) && c.opened_date <= addDays(extract.today, -75))
    .sort((a, b) => a.case_id.localeCompare(b.case_id))
    .map((c) => [c.child_id, c] as const)).values()];
  const chosen: typeof candidates = [];
  while (chosen.length < 12 && candidates.length) chosen.push(candidates.splice(random.int(0, candidates.length - 1), 1)[0]!);
  return chosen.sort((a, b) => a.opened_date.localeCompare(b.opened_date) || a.case_id.localeCompare(b.case_id)).map((c) => {
    const child = children.get(c.child_id)!;
    // The conference a fortnight or so after the case opened (at most four months back), then meetings about five weeks apart.
    const conference = [addDays(c.opened_date, 14 + random.int(0, 7)), addDays(extract.today, -(100 + random.int(0, 30)))].sort().at(-1)!;
    const gap = Math.min(35 + random.int(0, 10), Math.floor(daysBetween(conference, addDays(extract.today, -3)) / 2));
    const coreGroup = addDays(conference, gap);
    const review = addDays(coreGroup, gap);
    const pairs = some(random, dangers, random.int(1, 2));
    const rising = random.chance(0.75);
    const parent = `${random.pick(parentForenames)} ${child.surname}`;
    const people: { personName: string; personRole: PersonRole; start: number }[] = [
      { personName: parent, personRole: 'parent', start: random.int(3, 5) },
      { personName: random.pick(socialWorkers), personRole: 'worker', start: random.int(1, 3) },
      ...(ageOn(child.date_of_birth, conference) >= 8 ? [{ personName: child.forename, personRole: 'child' as const, start: random.int(2, 4) }] : []),
      { personName: random.pick(schoolStaff), personRole: 'partner_agency', start: random.int(2, 3) },
    ];
    const stillOrDown = (wobble: number, meeting: number) => (meeting === 0 ? 0 : -Math.abs(wobble));
    const at = (meeting: number) => people.map((p) => ({
      personName: p.personName, personRole: p.personRole,
      // The others hold or slip back from the conference's numbers (drawing as many numbers either way).
      scores: pairs.map((_, index) => clamp(p.start - index + (rising ? meeting * random.int(1, 2) : stillOrDown(random.int(-1, 1), meeting)))),
    }));
    const nextSteps = some(random, steps, 2);
    return {
      childId: c.child_id,
      title: `${child.surname} family safety map`,
      pairs,
      items: [
        ...some(random, harms, random.int(1, 2)).map((words) => ({ category: 'harm' as const, words, saidBy: 'Social worker' })),
        ...some(random, complications, 1).map((words) => ({ category: 'complicating_factor' as const, words, saidBy: 'Social worker' })),
        ...some(random, strengths, random.int(2, 3)).map((words) => ({ category: 'existing_strength' as const, words, saidBy: parent })),
        ...some(random, safeties, 1).map((words) => ({ category: 'existing_safety' as const, words, saidBy: 'School' })),
        ...nextSteps.map((words) => ({ category: 'next_step' as const, words, saidBy: 'Case conference' })),
      ],
      network: some(random, networkPeople, random.int(3, 4)),
      rules: some(random, rules, random.int(1, 2)),
      later: [
        { category: 'existing_safety', words: random.pick(laterSafety) },
        { category: 'next_step', words: random.pick(steps.filter((step) => !nextSteps.includes(step))) },
      ],
      rising,
      meetings: [
        { meetingType: 'case_conference', heldOn: conference, people: at(0) },
        { meetingType: 'core_group', heldOn: coreGroup, people: at(1) },
        { meetingType: 'review', heldOn: review, people: at(2) },
      ],
    };
  });
}

/**
 * Record the maps, their scaling and meetings, unless a safety map exists already; returns the number of maps.
 * @example await recordSafetyMaps(services, extract) // 12
 */
export async function recordSafetyMaps(services: RecordSafetyMapsNeeds, extract: DemoExtract): Promise<number | undefined> {
  const manager: SignedInUser | undefined = (await services.users.list()).find((user) => user.username === 'manager' && user.role === 'team_manager');
  if (!manager) return undefined;
  if (await demoRepository().hasSafetyMaps(services.db)) return undefined;
  const planned = planSafetyMaps(extract);
  for (const plan of planned) {
    const fail = (what: string, outcome: string): never => {
      throw new Error(`the demo could not ${what} on the safety map of ${plan.childId}: ${outcome}`);
    };
    const started = await services.safety.startMap(manager, plan.childId, { title: plan.title, siblingIds: [], fromLast: false });
    if (started.outcome !== 'started') return fail('start', started.outcome);
    const { mapId } = started;
    let version = 1;
    const change = async (edit: MapEdit) => {
      const result = await services.safety.changeMap(manager, plan.childId, mapId, version, edit);
      if (result.outcome !== 'saved') return fail('change', result.outcome);
      version = result.version;
    };
    const [first] = plan.meetings;
    for (const pair of plan.pairs) await change({ kind: 'pair', pair: { ...pair, saidBy: 'Case conference', saidOn: first!.heldOn } });
    for (const item of plan.items) await change({ kind: 'item', item: { ...item, saidOn: first!.heldOn } });
    for (const member of plan.network) await change({ kind: 'member', member });
    for (const rule of plan.rules) await change({ kind: 'rule', rule });
    const shown = await services.safety.viewMap(manager, plan.childId, mapId);
    if (shown.outcome !== 'shown') return fail('open', shown.outcome);
    const pairIds = shown.content.pairs.map((p) => p.pairId);
    for (const [index, meeting] of plan.meetings.entries()) {
      const later = plan.later[index - 1];
      if (later) await change({ kind: 'item', item: { ...later, saidBy: 'Family network', saidOn: meeting.heldOn } });
      const people = meeting.people.map((person, row) => ({
        row: row + 1, personName: person.personName, personRole: person.personRole,
        scores: person.scores.map((score, column) => ({ pairId: pairIds[column]!, score })),
      }));
      const scaled = await services.safety.recordScaling(manager, plan.childId, mapId, { scoredOn: meeting.heldOn, people });
      if (scaled.outcome !== 'saved') return fail('record scaling', scaled.outcome);
      const saved = await services.safety.recordMeeting(manager, plan.childId, mapId, version, { meetingType: meeting.meetingType, heldOn: meeting.heldOn });
      if (saved.outcome !== 'saved') return fail('save a version', saved.outcome);
    }
  }
  return planned.length;
}
