/**
 * @module The demo's undecided referrals. The extract holds only decided referrals (undecided ones live in
 * `referral_intake`, ADR 0005), so after the demo is imported a handful are recorded through the referral
 * service, dated back from the reference date: some new, some screened and awaiting a decision, one overdue.
 */
import type { SignedInUser } from '../../platform/access/user.js';
import { familyFirst, teams } from './authority.js';
import { ageOn, day, isoDate } from './dates.js';
import type { ChildRow, DemoExtract } from './extract.js';
import { type ReferralSource } from '../../platform/codes/referralCodes.js';
import type { UserService } from '../users/userService.js';
import type { ReferralService } from '../referrals/referralService.js';

/** What recordUndecidedReferrals needs from the composition root. */
export interface RecordUndecidedReferralsNeeds {
  referrals: ReferralService;
  users: UserService;
}

/** One referral to record: the children named (siblings together), and where it has got to. */
export interface PlannedReferral {
  childIds: string[];
  receivedDate: string;
  source: ReferralSource;
  reason: string;
  /** Screened, awaiting a decision, when set; new otherwise. */
  screeningNotes: string | null;
}

/** Days before the reference date each arrived, what it says, and whether it has been screened. */
const shapes: readonly { daysAgo: (targetDays: number) => number; source: ReferralSource; reason: string; siblings: boolean; screeningNotes: string | null }[] = [
  { daysAgo: () => 0, source: 'education', reason: 'Attendance has dropped to 71% this term; the child says they are looking after a younger brother in the mornings.', siblings: false, screeningNotes: null },
  { daysAgo: () => 1, source: 'health', reason: 'Health visitor worried about the home conditions and the children’s weight; mum is struggling since dad left.', siblings: true, screeningNotes: null },
  { daysAgo: () => 2, source: 'self_or_family', reason: 'Gran asking for help: her grandchild stays with her most nights because of arguments at home.', siblings: false, screeningNotes: null },
  { daysAgo: () => 3, source: 'police', reason: 'Police attended a domestic incident at the family home; the child was present and upset.', siblings: false, screeningNotes: 'Police concern report read. No injuries. Mum willing to work with Family First; school confirms the child is settled in class.' },
  { daysAgo: () => 5, source: 'third_sector', reason: 'Youth project worker reports the young person is often out late and has talked about not wanting to go home.', siblings: false, screeningNotes: 'Spoke to the youth project and to dad. Needs a decision on Family First or an assessment.' },
  { daysAgo: (targetDays) => targetDays + 4, source: 'education', reason: 'Guidance teacher concerned about repeated lateness, no lunch money and a change in behaviour since the summer.', siblings: false, screeningNotes: 'School and health visitor contacted; family not yet spoken to. Overdue for a decision.' },
];

/** Children of the Family First cluster, aged 4-15 on the reference date, whom the extract has never referred, cased, looked after or registered. */
function untouchedChildren(extract: DemoExtract): ChildRow[] {
  const known = new Set([...extract.cases, ...extract.referrals, ...extract.lookedAfter, ...extract.cpRegistrations].map((r) => r.child_id));
  const today = day(extract.today);
  return extract.children
    .filter((c) => c.school_cluster === familyFirst.cluster && !known.has(c.child_id))
    .filter((c) => ageOn(day(c.date_of_birth), today) >= 4 && ageOn(day(c.date_of_birth), today) <= 15)
    .sort((a, b) => (a.child_id < b.child_id ? -1 : a.child_id > b.child_id ? 1 : 0));
}

/**
 * The undecided referrals for an extract: the same extract always gives the same plan (no randomness, no clock).
 * @example planUndecidedReferrals(generateDemoExtract({ seed: 2021 }), 7).length // 6
 */
export function planUndecidedReferrals(extract: DemoExtract, targetDays: number): PlannedReferral[] {
  const candidates = untouchedChildren(extract);
  const byFamily = new Map<string, ChildRow[]>();
  for (const child of candidates) if (child.family_id) byFamily.set(child.family_id, [...(byFamily.get(child.family_id) ?? []), child]);
  const siblings = [...byFamily.values()].find((family) => family.length >= 2)?.slice(0, 2) ?? [];
  // Everyone else referred on their own, one child a family, so that no family has two undecided referrals.
  const usedFamilies = new Set(siblings.map((c) => c.family_id));
  const singles: ChildRow[] = [];
  for (const child of candidates) {
    if (siblings.includes(child) || (child.family_id && usedFamilies.has(child.family_id))) continue;
    if (child.family_id) usedFamilies.add(child.family_id);
    singles.push(child);
  }
  let next = 0;
  return shapes.map((shape) => {
    const children = shape.siblings && siblings.length === 2 ? siblings : singles.slice(next, ++next);
    if (children.length === 0) throw new Error('the demo extract has too few Family First children to refer');
    return {
      childIds: children.map((c) => c.child_id),
      receivedDate: isoDate(day(extract.today) - shape.daysAgo(targetDays)),
      source: shape.source,
      reason: shape.reason,
      screeningNotes: shape.screeningNotes,
    };
  });
}

/**
 * Record the planned referrals as the demo's service manager (the front door: a referral by Cairn id needs someone who
 * may open the child, and these children are not yet open to Family First), into the Family First team's tray, and
 * screen those the plan says were screened as its team manager. Returns how many were recorded; none without both accounts.
 * @example await recordUndecidedReferrals(services, extract)
 */
export async function recordUndecidedReferrals(services: RecordUndecidedReferralsNeeds, extract: DemoExtract): Promise<number> {
  const manager: SignedInUser | undefined = (await services.users.list()).find((u) => u.username === 'manager' && u.role === 'team_manager' && u.team === teams.familyFirst);
  const frontDoor: SignedInUser | undefined = (await services.users.list()).find((u) => u.username === 'service.manager' && u.role === 'service_manager');
  if (!manager || !frontDoor) return 0;
  let recorded = 0;
  for (const planned of planUndecidedReferrals(extract, services.referrals.decisionTargetDays)) {
    const result = await services.referrals.record(frontDoor, {
      receivedDate: planned.receivedDate, source: planned.source, reason: planned.reason, schoolCluster: familyFirst.cluster, team: teams.familyFirst,
      children: planned.childIds.map((childId) => ({ kind: 'existing' as const, childId })),
    });
    if (result.outcome !== 'recorded') throw new Error(`the demo could not record a referral: ${Object.values(result.problems).join('; ')}`);
    if (planned.screeningNotes) for (const referralId of result.referralIds) await services.referrals.screen(manager, referralId, planned.screeningNotes);
    recorded += 1;
  }
  return recorded;
}
