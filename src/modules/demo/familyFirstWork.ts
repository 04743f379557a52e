/**
 * @module The demo's Family First work: for a dozen of the children Family First has worked with over the last year,
 * the involvement their case carries, a plan, sessions with the family every fortnight or so, and the family's own
 * words — most of them given with consent to quote, so the board paper can quote them. Recorded as the Family First
 * team manager through the Family First service (audited as theirs), after the import; the extract cannot hold it.
 */
import { addDays } from '../../platform/dates/isoDates.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import type { Database } from '../../db/database.js';
import type { FamilyFirstService } from '../familyFirst/familyFirstService.js';
import type { UserService } from '../users/userService.js';
import type { DemoExtract } from './extract.js';
import { teams } from './authority.js';
import { demoRepository } from './demoRepository.js';

/** What recordFamilyFirstWork needs from the composition root. */
export interface RecordFamilyFirstWorkNeeds {
  db: Database;
  familyFirst: FamilyFirstService;
  users: UserService;
}

/** What families said (invented for the demo, in the manner of the seed report's quotes). */
const familyWords: readonly { words: string; consentToQuote: boolean }[] = [
  { words: 'They came when we needed them, not weeks later. It felt like someone was on our side.', consentToQuote: true },
  { words: 'The mornings are calmer now. We have a plan on the fridge and the kids know what happens next.', consentToQuote: true },
  { words: 'I was scared social work would take them. Instead they helped me get back on my feet.', consentToQuote: true },
  { words: 'Having the same worker every week made all the difference. She knew us.', consentToQuote: true },
  { words: 'School and Family First talk to each other now, so I don’t have to tell my story five times.', consentToQuote: true },
  { words: 'We still have bad days but we know who to phone.', consentToQuote: false },
  { words: 'My son says he feels listened to. That has never happened before.', consentToQuote: true },
  { words: 'It helped, but I would have liked more evening sessions.', consentToQuote: false },
];

const sessionWork = [
  'Getting to know the family; agreed what is working well and what the worries are',
  'Morning routine plan with the children, drawn together',
  'Visited school with mum to meet the guidance teacher',
  'Three houses tool with the children: worries, good things, dreams',
  'Reviewed the plan: what has changed, what still worries everyone',
  'Planned who the family can call on when things get hard',
];

/**
 * One involvement to record: the case it belongs to, when it started, and whether it ended (stepped down). Its
 * referral came in the extract, so it has no referral recorded in Cairn (involvements refer to Cairn's own intake).
 */
export interface PlannedInvolvement {
  childId: string;
  caseId: string;
  referralId: null;
  startedDate: string;
  stepDownOn: string | null;
}

/**
 * Up to twelve Family First cases opened in the year before the reference date, oldest first; those opened more than
 * six months before are stepped down after five months of work.
 * @example planFamilyFirstWork(extract).length // 12
 */
export function planFamilyFirstWork(extract: DemoExtract): PlannedInvolvement[] {
  const yearAgo = addDays(extract.today, -365);
  return extract.cases
    .filter((c) => c.team === teams.familyFirst && c.opened_date >= yearAgo && c.opened_date <= addDays(extract.today, -30) && c.closed_date === null)
    .sort((a, b) => a.opened_date.localeCompare(b.opened_date) || a.case_id.localeCompare(b.case_id))
    .slice(0, 12)
    .map((c) => ({
      childId: c.child_id, caseId: c.case_id, referralId: null, startedDate: c.opened_date,
      stepDownOn: addDays(c.opened_date, 150) <= addDays(extract.today, -30) ? addDays(c.opened_date, 150) : null,
    }));
}

/**
 * Record the plan, sessions and words, unless an involvement exists already; returns the number of involvements.
 * @example await recordFamilyFirstWork(services, extract) // 12
 */
export async function recordFamilyFirstWork(services: RecordFamilyFirstWorkNeeds, extract: DemoExtract): Promise<number | undefined> {
  const manager = (await services.users.list()).find((user) => user.username === 'manager' && user.role === 'team_manager');
  if (!manager) return undefined;
  if (await demoRepository().hasFamilyFirstWork(services.db)) return undefined;
  const planned = planFamilyFirstWork(extract);
  for (const [index, involvement] of planned.entries()) {
    const involvementId = newRecordId('FFI');
    await services.db.transaction((tx) => services.familyFirst.startInvolvement(tx, { involvementId, ...involvement }));
    const say = (outcome: { outcome: string }) => {
      if (outcome.outcome !== 'changed') throw new Error(`the demo could not record Family First work: ${outcome.outcome}`);
    };
    const shown = await services.familyFirst.view(manager, involvementId);
    if (shown.outcome !== 'shown') throw new Error(`the demo could not open the Family First involvement it started: ${shown.outcome}`);
    say(await services.familyFirst.setPlan(manager, involvementId, 'Weekly sessions at home on routines and school, with the school and the health visitor; review at three months.', shown.record.involvement.version));
    const last = involvement.stepDownOn ?? addDays(extract.today, -3);
    for (let session = 0, on = addDays(involvement.startedDate, 3); on <= last && session < 8; session += 1, on = addDays(on, 14 + (index % 3))) {
      say(await services.familyFirst.addSession(manager, involvementId, { sessionDate: on, who: 'Parent and children', whatWasDone: sessionWork[session % sessionWork.length]! }));
    }
    const feedback = familyWords[index % familyWords.length]!;
    const givenDate = [addDays(involvement.startedDate, 60), addDays(extract.today, -2)].sort()[0]!;
    say(await services.familyFirst.addFeedback(manager, involvementId, { givenDate, ...feedback }));
    if (involvement.stepDownOn) {
      say(await services.familyFirst.end(manager, involvementId, { endedDate: involvement.stepDownOn, reason: 'stepped_down_universal', notes: 'Goals met; the family is supported by school and universal services.', stepUpTeam: null }));
    }
  }
  return planned.length;
}
