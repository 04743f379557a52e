/**
 * @module Referral use cases: record (one child or siblings), screen, decide a pathway, allocate (one child, or a
 * sibling group at once), correct a decision or allocation, withdraw one recorded in error, close the case. Each
 * audited in its own transaction.
 */
import type { Database, Queryable } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { ChildService } from '../children/childService.js';
import { restrictedRecordLabel, restrictedRecordName } from '../children/child.js';
import type { FamilyFirstService } from '../familyFirst/familyFirstService.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { allocatedPathways, referralStage, type GroupDecision, type NewReferral, type ReferralDetails, type ReferralRecord } from './referral.js';
import type { AmendmentRepository } from '../../platform/amendments/amendmentRepository.js';
import type { Amendment } from '../../platform/amendments/amendment.js';
import { changeOrProblems } from '../../platform/forms/changeOrProblems.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { pathwayLabels, sourceLabels } from '../../platform/codes/referralCodes.js';
import { stageLabels } from './referralLabels.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import { may, overseesTeam, teamsOverseen } from '../../platform/access/access.js';
import { rolesWith } from '../../platform/access/roles.js';
import type { CaseRecord, ReferralRepository } from './referralRepository.js';
import { type ClosureReason, type Pathway } from '../../platform/codes/referralCodes.js';

export type Recorded = { outcome: 'recorded'; groupId: string; referralIds: string[] } | { outcome: 'problems'; problems: Record<number, string> };
export type Decided = { outcome: 'decided' } | { outcome: 'not_found' | 'forbidden' | 'already_decided' | 'before_received' };
export type Allocated = { outcome: 'allocated'; caseId: string; involvementId: string | null } | { outcome: 'not_found' | 'forbidden' | 'not_allocatable' | 'already_allocated' | 'unknown_worker' | 'before_decision' };
/** Changed, corrected or withdrawn; or problems for the form (nothing written). */
export type Amended = { outcome: 'amended' } | { outcome: 'not_found' } | { outcome: 'forbidden' } | { outcome: 'problems'; problems: FieldErrors };
/** A group decided: the referrals decided, and those allocated (with their case). */
export type GroupDecided = { outcome: 'decided'; decided: string[]; allocated: string[] } | { outcome: 'not_found' } | { outcome: 'forbidden' } | { outcome: 'problems'; problems: FieldErrors };
/** A sibling in a group: named only to someone who may open them; `restrictedChildId` when their record is restricted and closed to this person (shown by id only). */
export type Sibling = { referral: ReferralRecord; named: true } | { referral: { referralId: string }; named: false; restrictedChildId?: string };

const someoneElse = 'Someone else changed this referral at the same time. Check it and save again.';

export type Closed = { outcome: 'closed'; childId: string } | { outcome: 'not_found' } | { outcome: 'forbidden' } | { outcome: 'already_closed' } | { outcome: 'before_opened' };

/**
 * @example const referrals = referralService(db, referralRepository(), familyFirst, children, audit, { decisionTargetDays: 7 })
 */
export function referralService(
  db: Database,
  repository: ReferralRepository,
  familyFirst: Pick<FamilyFirstService, 'startInvolvement'>,
  children: ChildService,
  audit: AuditService,
  settings: { decisionTargetDays: number },
  amendments: AmendmentRepository,
) {
  const actor = (user: SignedInUser) => ({ kind: 'user' as const, user });
  const works = (user: SignedInUser, referral: ReferralRecord) => overseesTeam(user, referral.team) && may(user, 'referral:manage');
  const caseload = () => rolesWith('caseload:own');

  /** Decide one locked referral (already checked: undecided, this person's to work); audited in `tx`. */
  async function decideIn(tx: Queryable, user: SignedInUser, referral: ReferralRecord, decision: { pathway: Pathway; reason: string; decidedDate: string }) {
    await repository.decide(tx, referral.referralId, { ...decision, userId: user.userId, closes: !allocatedPathways.includes(decision.pathway) });
    await audit.record(actor(user), {
      action: 'referral.decided', childId: referral.childId, subject: referral.referralId, reason: decision.reason, details: { pathway: decision.pathway },
    }, tx);
  }

  /** Open a case for one locked, decided referral with a worker already checked to be in its team; audited in `tx`. */
  async function allocateIn(tx: Queryable, user: SignedInUser, referral: ReferralRecord, pathway: Pathway, allocation: { workerId: string; openedDate: string }) {
    const caseId = newRecordId('CASE');
    await repository.openCase(tx, { caseId, childId: referral.childId, team: referral.team, workerId: allocation.workerId, openedDate: allocation.openedDate });
    await repository.linkCase(tx, referral.referralId, caseId);
    let involvementId: string | null = null;
    if (pathway === 'family_first') {
      involvementId = newRecordId('FFI');
      await familyFirst.startInvolvement(tx, { involvementId, caseId, childId: referral.childId, referralId: referral.referralId, startedDate: allocation.openedDate });
    }
    await audit.record(actor(user), {
      action: 'referral.allocated', childId: referral.childId, subject: referral.referralId, details: { caseId, workerId: allocation.workerId, team: referral.team },
    }, tx);
    return { caseId, involvementId };
  }

  /** Keep a correction: what it said before and after (in words), who, why; audited in the same transaction. */
  async function amend(tx: Queryable, user: SignedInUser, referral: ReferralRecord, reason: string, before: Record<string, string>, after: Record<string, string>, action: 'referral.amended' | 'referral.withdrawn') {
    await amendments.add(tx, { childId: referral.childId, recordKind: 'referral', recordId: referral.referralId, reason, before, after, userId: user.userId });
    await audit.record(actor(user), { action, childId: referral.childId, subject: referral.referralId, reason, details: { before, after } }, tx);
  }

  /** Siblings by name only where this person may open them: their referral's team is overseen, or their record is in scope. */
  async function named(user: SignedInUser, referrals: ReferralRecord[]): Promise<Sibling[]> {
    const inScope = await children.accessibleAmong(user, referrals.map((r) => r.childId));
    const restricted = await children.restrictedAmong(user, referrals.map((r) => r.childId));
    return referrals.map((r): Sibling => {
      const mayName = overseesTeam(user, r.team) || inScope.has(r.childId);
      if (mayName && !restricted.has(r.childId)) return { referral: r, named: true };
      return { referral: { referralId: r.referralId }, named: false, ...(restricted.has(r.childId) && overseesTeam(user, r.team) ? { restrictedChildId: r.childId } : {}) };
    });
  }

  const decisionInWords = (d: { pathway: Pathway | null; decisionReason: string | null; decidedDate: string | null }) => ({
    Pathway: d.pathway ? pathwayLabels[d.pathway] : 'Not decided', 'Reason for the decision': d.decisionReason ?? '', 'Date of decision': longDateOf(d.decidedDate),
  });

  return {
    decisionTargetDays: settings.decisionTargetDays,

    /**
     * Record a referral for each child named. A new child whose name and date of birth match a child already
     * recorded is refused (the problem names the existing record to use), so duplicates are not made.
     * @example await referrals.record(user, { receivedDate: '2022-03-01', source: 'education', reason: 'Attendance', schoolCluster: 'Belmont', team: 'Family First', children: [{ kind: 'existing', childId: 'A1' }] })
     */
    async record(user: SignedInUser, referral: NewReferral): Promise<Recorded> {
      // A child referred by id passes the same scope check as their page (refusals audited); the answer is the same
      // whether the id is unknown or not this person's to open, so ids cannot be tried to find who is recorded.
      const refusedIds = new Set<number>();
      for (const [index, child] of referral.children.entries()) {
        if (child.kind === 'existing' && !(await children.guard(user, child.childId, 'POST /referrals/new'))) refusedIds.add(index);
      }
      type Checked = { outcome: 'problems'; problems: Record<number, string>; duplicatesOf: Record<number, string[]> };
      const recorded = await db.transaction(async (tx): Promise<Checked | Extract<Recorded, { outcome: 'recorded' }>> => {
        const problems: Record<number, string> = {};
        const duplicatesOf: Record<number, string[]> = {};
        let familyId: string | null = null;
        for (const [index, child] of referral.children.entries()) {
          if (child.kind === 'existing') {
            if (refusedIds.has(index)) {
              problems[index] = `You cannot refer a child by Cairn id ${child.childId}: check the id, or ask your manager`;
              continue;
            }
            const found = await repository.familyOf(tx, child.childId);
            if (!found.exists) problems[index] = `There is no child with Cairn id ${child.childId}`;
            familyId ??= found.familyId;
          } else {
            const duplicates = await repository.likelyDuplicates(tx, child.forename, child.surname, child.dateOfBirth);
            if (duplicates.length) duplicatesOf[index] = duplicates;
          }
        }
        if (Object.keys(problems).length || Object.keys(duplicatesOf).length) return { outcome: 'problems' as const, problems, duplicatesOf };
        if (!familyId) {
          familyId = newRecordId('FAM');
          await repository.addFamily(tx, familyId);
        }
        const groupId = newRecordId('GRP');
        const referralIds: string[] = [];
        for (const child of referral.children) {
          let childId: string;
          if (child.kind === 'existing') {
            childId = child.childId;
            await repository.setFamily(tx, childId, familyId);
          } else {
            childId = await children.newChildId(tx);
            await repository.addChild(tx, { childId, familyId, forename: child.forename, surname: child.surname, dateOfBirth: child.dateOfBirth, schoolCluster: referral.schoolCluster });
            await audit.record(actor(user), { action: 'child.created', childId, subject: 'referral' }, tx);
          }
          const referralId = newRecordId('REF');
          await repository.addIntake(tx, {
            referralId, groupId, childId, receivedDate: referral.receivedDate, source: referral.source, reason: referral.reason,
            schoolCluster: referral.schoolCluster, team: referral.team, recordedBy: user.userId,
          });
          await audit.record(actor(user), { action: 'referral.recorded', childId, subject: referralId, details: { groupId, team: referral.team } }, tx);
          referralIds.push(referralId);
        }
        return { outcome: 'recorded' as const, groupId, referralIds };
      });
      if (recorded.outcome === 'recorded') return recorded;
      // A new child already recorded is named only to someone who may open that record.
      const problems = { ...recorded.problems };
      for (const [index, ids] of Object.entries(recorded.duplicatesOf)) {
        const child = referral.children[Number(index)]!;
        const name = child.kind === 'new' ? `${child.forename.trim()} ${child.surname.trim()}` : '';
        const mayOpen = await children.accessibleAmong(user, ids);
        problems[Number(index)] = ids.every((id) => mayOpen.has(id))
          ? `${name}, born on that date, is already recorded (Cairn id ${ids.join(', ')}). Enter the Cairn id to refer that child`
          : `A record exists for ${name}, born on that date — ask your manager before referring this child`;
      }
      return { outcome: 'problems', problems };
    },

    /** The team manager's tray (every team's for a service manager); empty for anyone without one. */
    async tray(user: SignedInUser): Promise<ReferralRecord[]> {
      const scope = may(user, 'referral:manage') ? teamsOverseen(user) : undefined;
      if (!scope) return [];
      const tray = await repository.tray(db, 'all' in scope ? null : scope.team);
      // Issue 16 item 5: the tray names children, so opening it is a view of them, audited once with who was named.
      await audit.record(actor(user), { action: 'referral.tray_viewed', details: { named: [...new Set(tray.map((r) => r.childId))] } });
      // A restricted record keeps its place in the tray, but not its name (issue 16, ADR 0044).
      const restricted = await children.restrictedAmong(user, tray.map((r) => r.childId));
      return tray.map((r) => (restricted.has(r.childId) ? { ...r, childName: restrictedRecordName } : r));
    },

    /** One referral with its siblings, for those who may work it; the view is audited. */
    async view(user: SignedInUser, referralId: string): Promise<{ outcome: 'shown'; referral: ReferralRecord; siblings: Sibling[]; workers: { workerId: string; displayName: string }[]; amendments: Amendment[] } | { outcome: 'not_found' | 'forbidden' } | { outcome: 'restricted'; childId: string }> {
      const referral = await repository.find(db, referralId);
      if (!referral) return { outcome: 'not_found' };
      const restricted = (await children.restrictedAmong(user, [referral.childId])).has(referral.childId);
      if (!overseesTeam(user, referral.team) || restricted) {
        await audit.record(actor(user), { action: 'referral.viewed', childId: referral.childId, subject: referralId, details: { refused: true, ...(restricted ? { restricted: true } : {}) } });
        return restricted && overseesTeam(user, referral.team) ? { outcome: 'restricted', childId: referral.childId } : { outcome: 'forbidden' };
      }
      const [group, workers, corrections] = await Promise.all([
        repository.group(db, referral.groupId), repository.workersInTeam(db, referral.team, caseload()), amendments.forChild(db, referral.childId, 'referral'),
      ]);
      await audit.record(actor(user), { action: 'referral.viewed', childId: referral.childId, subject: referralId });
      const siblings = await named(user, group.filter((r) => r.referralId !== referralId));
      return { outcome: 'shown', referral, siblings, workers, amendments: corrections.filter((a) => a.recordId === referralId) };
    },

    /**
     * A sibling group to screen, decide and allocate together: the children still undecided that this person works
     * (in the order they were born), the rest of the group (named only where they may be opened), and the workers.
     */
    async group(user: SignedInUser, referralId: string): Promise<{ outcome: 'shown'; referral: ReferralRecord; members: ReferralRecord[]; others: Sibling[]; workers: { workerId: string; displayName: string }[] } | { outcome: 'not_found' | 'forbidden' }> {
      const referral = await repository.find(db, referralId);
      if (!referral) return { outcome: 'not_found' };
      if (!works(user, referral)) {
        await audit.record(actor(user), { action: 'referral.viewed', childId: referral.childId, subject: referralId, details: { refused: true, group: referral.groupId } });
        return { outcome: 'forbidden' };
      }
      const group = await repository.group(db, referral.groupId);
      const open = (r: ReferralRecord) => works(user, r) && ['new', 'awaiting_decision'].includes(referralStage(r));
      const members = group.filter(open);
      for (const member of members) await audit.record(actor(user), { action: 'referral.viewed', childId: member.childId, subject: member.referralId, details: { group: referral.groupId } });
      const others = await named(user, group.filter((r) => !open(r)));
      // A child still to decide whose record is restricted and closed to this person is decided by id only (ADR 0044).
      const restricted = await children.restrictedAmong(user, members.map((m) => m.childId));
      const shown = members.map((m) => (restricted.has(m.childId) ? { ...m, childName: restrictedRecordLabel(m.childId), dateOfBirth: '' } : m));
      return { outcome: 'shown', referral, members: shown, others, workers: await repository.workersInTeam(db, referral.team, caseload()) };
    },

    /**
     * Screen, decide and (where the pathway leads to a worker and one is chosen) allocate every child of a sibling
     * group in one transaction, each child audited. Any problem — a referral changed meanwhile, a worker not in the
     * team — writes nothing; problems are keyed by referral id, or by the shared field.
     * @example await referrals.decideGroup(manager, 'REF-1', { screeningNotes: null, decidedDate: '2022-03-03', openedDate: '2022-03-04', children: [...] })
     */
    async decideGroup(user: SignedInUser, referralId: string, plan: GroupDecision): Promise<GroupDecided> {
      const first = await repository.find(db, referralId);
      if (!first) return { outcome: 'not_found' };
      if (!works(user, first)) return { outcome: 'forbidden' };
      return changeOrProblems(db, async (tx): Promise<GroupDecided> => {
        const problems: FieldErrors = {};
        const decided: string[] = [];
        const allocated: string[] = [];
        for (const child of plan.children) {
          const referral = await repository.find(tx, child.referralId, true);
          if (!referral || referral.groupId !== first.groupId || !works(user, referral)) {
            // Never a partial write: a child not this person's to decide is a problem, and nothing is saved.
            problems[child.referralId] = 'You cannot decide this child’s referral';
            continue;
          }
          if (referral.version !== child.version || referral.pathway !== null || referral.withdrawnAt) {
            problems[referral.referralId] = `Someone else changed ${referral.childName}’s referral meanwhile. Check it and save again.`;
            continue;
          }
          if (plan.decidedDate < referral.receivedDate) problems['decided-day'] = 'Date of decision must be on or after the date the referral was received';
          const allocating = child.workerId !== null && allocatedPathways.includes(child.pathway);
          if (allocating) {
            const workers = await repository.workersInTeam(tx, referral.team, caseload());
            if (!workers.some((w) => w.workerId === child.workerId)) problems[referral.referralId] = `Select a worker in ${referral.team} for ${referral.childName}`;
            if (!plan.openedDate) problems['opened-day'] = 'Enter the date the cases open';
            else if (plan.openedDate < plan.decidedDate) problems['opened-day'] = 'Date the cases open must be on or after the date of the decision';
          }
          if (Object.keys(problems).length) continue;
          if (plan.screeningNotes) {
            await repository.screen(tx, referral.referralId, plan.screeningNotes, user.userId, referral.version);
            await audit.record(actor(user), { action: 'referral.screened', childId: referral.childId, subject: referral.referralId, details: { group: referral.groupId } }, tx);
          }
          await decideIn(tx, user, referral, { pathway: child.pathway, reason: child.reason, decidedDate: plan.decidedDate });
          decided.push(referral.referralId);
          if (allocating && plan.openedDate) {
            await allocateIn(tx, user, referral, child.pathway, { workerId: child.workerId!, openedDate: plan.openedDate });
            allocated.push(referral.referralId);
          }
        }
        if (Object.keys(problems).length) return { outcome: 'problems', problems };
        return { outcome: 'decided', decided, allocated };
      });
    },

    /**
     * Change an undecided referral's details, against the version the form showed (the route merges first).
     * @example await referrals.changeDetails(manager, 'REF-1', { source: 'health', reason: 'Missed appointments', schoolCluster: null, team: 'Family First' }, 2)
     */
    async changeDetails(user: SignedInUser, referralId: string, details: ReferralDetails, version: number): Promise<Amended> {
      return changeOrProblems(db, async (tx): Promise<Amended> => {
        const referral = await repository.find(tx, referralId, true);
        if (!referral) return { outcome: 'not_found' };
        if (!works(user, referral)) return { outcome: 'forbidden' };
        if (referral.pathway !== null || referral.withdrawnAt) return { outcome: 'problems', problems: { reason: 'This referral has been decided: correct the decision instead' } };
        if (!(await repository.changeDetails(tx, referralId, details, version))) return { outcome: 'problems', problems: { reason: someoneElse } };
        const inWords = (d: ReferralDetails) => ({ 'Referred by': sourceLabels[d.source], Reason: d.reason, 'School cluster': d.schoolCluster ?? 'Not recorded', Team: d.team });
        await audit.record(actor(user), {
          action: 'referral.changed', childId: referral.childId, subject: referralId, details: { before: inWords(referral), after: inWords(details) },
        }, tx);
        return { outcome: 'amended' };
      });
    },

    /**
     * Correct a decision (pathway, reason, date) with a reason: the referral holds the corrected values, so every
     * figure uses them; what it said before is kept as an amendment, audited. A pathway is not changed once a case is open.
     * @example await referrals.correctDecision(manager, 'REF-1', { pathway: 'signposted', reason: 'Needs met by school', decidedDate: '2022-03-03' }, 'Wrong pathway chosen', 3)
     */
    async correctDecision(user: SignedInUser, referralId: string, corrected: { pathway: Pathway; reason: string; decidedDate: string }, why: string, version: number): Promise<Amended> {
      return changeOrProblems(db, async (tx): Promise<Amended> => {
        const referral = await repository.find(tx, referralId, true);
        if (!referral) return { outcome: 'not_found' };
        if (!works(user, referral)) return { outcome: 'forbidden' };
        const problems: FieldErrors = {};
        if (referral.pathway === null || referral.withdrawnAt) return { outcome: 'problems', problems: { pathway: 'Only a decided referral’s decision is corrected' } };
        const opened = referral.caseId ? await repository.findCase(tx, referral.caseId) : undefined;
        if (opened && corrected.pathway !== referral.pathway) problems.pathway = 'A case is open for this referral: close the case rather than change its pathway';
        if (corrected.decidedDate < referral.receivedDate) problems['decided-day'] = 'Date of decision must be on or after the date the referral was received';
        if (opened && corrected.decidedDate > opened.openedDate) problems['decided-day'] = `Date of decision must be on or before the day the case opened (${longDateOf(opened.openedDate)})`;
        if (Object.keys(problems).length) return { outcome: 'problems', problems };
        if (!(await repository.correctDecision(tx, referralId, { ...corrected, closes: !allocatedPathways.includes(corrected.pathway) }, version))) {
          return { outcome: 'problems', problems: { correctionReason: someoneElse } };
        }
        const before = decisionInWords(referral);
        const after = decisionInWords({ pathway: corrected.pathway, decisionReason: corrected.reason, decidedDate: corrected.decidedDate });
        await amend(tx, user, referral, why, before, after, 'referral.amended');
        return { outcome: 'amended' };
      });
    },

    /**
     * Correct who an allocated referral's open case is with, with a reason; kept as an amendment and audited.
     * @example await referrals.correctAllocation(manager, 'REF-1', 'W2', 'Allocated to the wrong worker', 4)
     */
    async correctAllocation(user: SignedInUser, referralId: string, workerId: string, why: string, version: number): Promise<Amended> {
      return changeOrProblems(db, async (tx): Promise<Amended> => {
        const referral = await repository.find(tx, referralId, true);
        if (!referral) return { outcome: 'not_found' };
        if (!works(user, referral)) return { outcome: 'forbidden' };
        if (!referral.caseId || referral.caseClosedDate !== null) return { outcome: 'problems', problems: { workerId: 'Only a referral with an open case has an allocation to correct' } };
        const workers = await repository.workersInTeam(tx, referral.team, caseload());
        const worker = workers.find((w) => w.workerId === workerId);
        if (!worker) return { outcome: 'problems', problems: { workerId: 'Select a worker in the referral’s team' } };
        if (workerId === referral.workerId) return { outcome: 'problems', problems: { workerId: 'Select a different worker: the case is already with this one' } };
        if (!(await repository.reassign(tx, referralId, referral.caseId, workerId, version))) return { outcome: 'problems', problems: { correctionReason: someoneElse } };
        const named = (id: string | null) => { const w = workers.find((x) => x.workerId === id); return w ? `${w.displayName} (${w.workerId})` : (id ?? 'Not allocated'); };
        await amend(tx, user, referral, why, { 'Allocated to': named(referral.workerId) }, { 'Allocated to': named(workerId) }, 'referral.amended');
        return { outcome: 'amended' };
      });
    },

    /**
     * Withdraw a referral recorded in error (the route has asked to confirm): it leaves the tray and every figure; what
     * it was stays, with the reason, as an amendment, audited. A referral that opened a case is not withdrawn.
     * @example await referrals.withdraw(manager, 'REF-1', 'Recorded against the wrong child', 2)
     */
    async withdraw(user: SignedInUser, referralId: string, why: string, version: number): Promise<Amended> {
      return changeOrProblems(db, async (tx): Promise<Amended> => {
        const referral = await repository.find(tx, referralId, true);
        if (!referral) return { outcome: 'not_found' };
        if (!works(user, referral)) return { outcome: 'forbidden' };
        if (referral.withdrawnAt) return { outcome: 'problems', problems: { withdrawReason: 'This referral has already been withdrawn' } };
        if (referral.caseId) return { outcome: 'problems', problems: { withdrawReason: 'A case was opened for this referral: close the case instead' } };
        if (!(await repository.withdraw(tx, referralId, { reason: why, userId: user.userId }, version))) return { outcome: 'problems', problems: { withdrawReason: someoneElse } };
        await amend(tx, user, referral, why, { Stage: stageLabels[referralStage(referral)] }, { Stage: stageLabels.withdrawn }, 'referral.withdrawn');
        return { outcome: 'amended' };
      });
    },

    /**
     * A referral as it is now, with its team's workers, for a form about to change it. Only for someone who works the
     * referral's team; a refusal is audited, and so is the form shown (`page`, issue 16 item 5), once.
     */
    async current(user: SignedInUser, referralId: string, page?: string): Promise<{ outcome: 'shown'; referral: ReferralRecord; workers: { workerId: string; displayName: string }[] } | { outcome: 'not_found' | 'forbidden' }> {
      const referral = await repository.find(db, referralId);
      if (!referral) return { outcome: 'not_found' };
      if (!works(user, referral)) {
        await audit.record(actor(user), { action: 'referral.viewed', childId: referral.childId, subject: referralId, details: { refused: true } });
        return { outcome: 'forbidden' };
      }
      if (page) await audit.record(actor(user), { action: 'referral.viewed', childId: referral.childId, subject: referralId, details: { page } });
      return { outcome: 'shown', referral, workers: await repository.workersInTeam(db, referral.team, caseload()) };
    },

    /** Whether this person still works the referral, after changing it (not audited: it only picks the next page). */
    async stillWorks(user: SignedInUser, referralId: string): Promise<boolean> {
      const referral = await repository.find(db, referralId);
      return referral !== undefined && works(user, referral);
    },

    /** @example await referrals.screen(manager, 'ref-1', 'School report read; parents spoken to') */
    async screen(user: SignedInUser, referralId: string, notes: string, version?: number): Promise<Decided | { outcome: 'stale' }> {
      return db.transaction(async (tx) => {
        const referral = await repository.find(tx, referralId, true);
        if (!referral) return { outcome: 'not_found' as const };
        if (!overseesTeam(user, referral.team)) return { outcome: 'forbidden' as const };
        if (referral.pathway !== null || referral.withdrawnAt) return { outcome: 'already_decided' as const };
        if (!(await repository.screen(tx, referralId, notes, user.userId, version ?? referral.version))) return { outcome: 'stale' as const };
        await audit.record(actor(user), { action: 'referral.screened', childId: referral.childId, subject: referralId }, tx);
        return { outcome: 'decided' as const };
      });
    },

    /** @example await referrals.decide(manager, 'ref-1', { pathway: 'family_first', reason: 'Needs early help', decidedDate: '2022-03-03' }) */
    async decide(user: SignedInUser, referralId: string, decision: { pathway: Pathway; reason: string; decidedDate: string }): Promise<Decided> {
      return db.transaction(async (tx) => {
        const referral = await repository.find(tx, referralId, true);
        if (!referral) return { outcome: 'not_found' as const };
        if (!overseesTeam(user, referral.team) || !may(user, 'referral:manage')) return { outcome: 'forbidden' as const };
        if (referral.pathway !== null || referral.withdrawnAt) return { outcome: 'already_decided' as const };
        if (decision.decidedDate < referral.receivedDate) return { outcome: 'before_received' as const };
        await decideIn(tx, user, referral, decision);
        return { outcome: 'decided' as const };
      });
    },

    /**
     * Allocate a decided referral to a worker in its team: opens a case, and for Family First an involvement.
     * @example await referrals.allocate(manager, 'ref-1', { workerId: 'W1', openedDate: '2022-03-04' })
     */
    async allocate(user: SignedInUser, referralId: string, allocation: { workerId: string; openedDate: string }): Promise<Allocated> {
      return db.transaction(async (tx) => {
        const referral = await repository.find(tx, referralId, true);
        if (!referral) return { outcome: 'not_found' as const };
        if (!overseesTeam(user, referral.team) || !may(user, 'referral:manage')) return { outcome: 'forbidden' as const };
        if (referral.pathway === null || !allocatedPathways.includes(referral.pathway)) return { outcome: 'not_allocatable' as const };
        if (referral.caseId !== null) return { outcome: 'already_allocated' as const };
        if (allocation.openedDate < (referral.decidedDate ?? referral.receivedDate)) return { outcome: 'before_decision' as const };
        const workers = await repository.workersInTeam(tx, referral.team, caseload());
        if (!workers.some((w) => w.workerId === allocation.workerId)) return { outcome: 'unknown_worker' as const };
        return { outcome: 'allocated' as const, ...(await allocateIn(tx, user, referral, referral.pathway, allocation)) };
      });
    },

    /**
     * A case, for someone who may work on its child: a refusal is audited (the child's scope check), and so is the
     * page shown (`page`, issue 16 item 5), once.
     */
    async findCase(user: SignedInUser, caseId: string, page?: string): Promise<{ outcome: 'shown'; case: CaseRecord; closure?: { reason: ClosureReason; notes: string | null } } | { outcome: 'not_found' | 'forbidden' }> {
      const found = await repository.findCase(db, caseId);
      if (!found) return { outcome: 'not_found' };
      if (!(await children.guard(user, found.childId, page ?? `case ${caseId}`))) return { outcome: 'forbidden' };
      if (page) await audit.record(actor(user), { action: 'child.viewed', childId: found.childId, subject: caseId, details: { page } });
      return { outcome: 'shown', case: found, closure: await repository.closureOf(db, caseId) };
    },

    /**
     * Close a case, saying why. Closes the referral that opened it and its Family First involvement too.
     * @example await referrals.closeCase(worker, 'case-1', { closedDate: '2022-09-30', reason: 'outcomes_met', notes: null })
     */
    async closeCase(user: SignedInUser, caseId: string, closure: { closedDate: string; reason: ClosureReason; notes: string | null }): Promise<Closed> {
      const before = await repository.findCase(db, caseId);
      if (!before) return { outcome: 'not_found' };
      if (!(await children.mayAccess(user, before.childId))) return { outcome: 'forbidden' };
      return db.transaction(async (tx) => {
        const found = await repository.findCase(tx, caseId, true);
        if (!found) return { outcome: 'not_found' as const };
        if (found.closedDate !== null) return { outcome: 'already_closed' as const };
        if (closure.closedDate < found.openedDate) return { outcome: 'before_opened' as const };
        await repository.closeCase(tx, { caseId, ...closure, userId: user.userId });
        await audit.record(actor(user), { action: 'case.closed', childId: found.childId, subject: caseId, reason: closure.reason, details: { closedDate: closure.closedDate } }, tx);
        return { outcome: 'closed' as const, childId: found.childId };
      });
    },
  };
}
export type ReferralService = ReturnType<typeof referralService>;
