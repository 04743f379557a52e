/** @module Finding and reading children's records: scoped to the reader, and every search and view audited. */
import type { Database, Queryable } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { newRecordId, nextNumberedId } from '../../platform/ids/recordIds.js';
import type { ChildSearch, ChildSearchResult, ChildSummary, FamilyMemberSeen, NewChild, RecordBornOn } from './child.js';
import type { ChildScope } from '../../platform/access/access.js';
import { childScope } from '../../platform/access/access.js';
import type { ChildRepository } from './childRepository.js';
import type { ChildDetailsChange } from './childDetails.js';
import { likelyDuplicatesOf, type Likeness, type NamedChild } from './likelyDuplicates.js';
import { birthDatesNear } from './birthDateNearMisses.js';
import { restrictionRepository, type RestrictionRepository } from './restrictionRepository.js';

/**
 * How a person may reach a child's record: open to them, in their scope but restricted to others (they may break the
 * glass), refused (out of scope, or no such child: answered alike), or — to someone who may open every child and so
 * learns nothing from it — missing (no such child).
 */
export type RecordAccess = 'open' | 'restricted' | 'refused' | 'missing';

export type ChildView = { outcome: 'shown'; summary: ChildSummary; family: FamilyMemberSeen[]; possibleDuplicates?: LikelyDuplicate[] } | { outcome: 'not_found' } | { outcome: 'forbidden' };

/** Another record that is likely the same child; `inScope` says whether the reader may open it. */
export type LikelyDuplicate = RecordBornOn & Likeness & { sameNameAndBirth: boolean };

export type Added =
  | { outcome: 'added'; childId: string; mayOpen: boolean }
  /** A child with this very name and date of birth is recorded: use that record. */
  | { outcome: 'same_child'; duplicates: LikelyDuplicate[] }
  /** Likely duplicates exist and the person has not said that none of them is this child. */
  | { outcome: 'unconfirmed'; duplicates: LikelyDuplicate[] }
  | { outcome: 'unknown_sibling' | 'forbidden' };

export function childService(db: Database, repository: ChildRepository, audit: AuditService, restrictions: RestrictionRepository = restrictionRepository()) {
  const newChildId = async (tx: Queryable): Promise<string> => nextNumberedId(await repository.numberedIdStyle(tx));
  const duplicatesAmong = async (tx: Queryable, scope: ChildScope, user: SignedInUser, child: NamedChild, exceptChildId: string | null): Promise<LikelyDuplicate[]> => {
    // A restricted record closed to this person is listed as one out of their scope: "a record exists", never named.
    const candidates = await repository.bornOnAnyOf(tx, scope, user.userId, birthDatesNear(child.dateOfBirth), exceptChildId);
    return likelyDuplicatesOf(child, candidates);
  };

  /**
   * How this person may reach the record, not audited: the reads of `access`, which a caller may ask alongside others
   * and then audit with `settleAccess`. In scope and restriction are asked together (issue 15 item 4).
   */
  const reach = async (user: SignedInUser, childId: string): Promise<RecordAccess> => {
    const scope = childScope(user);
    if (scope.kind === 'none') return 'refused';
    const [inScope, standing] = await Promise.all([
      scope.kind === 'all' ? repository.exists(db, childId) : repository.isInScope(db, scope, childId),
      restrictions.standing(db, user.userId, childId),
    ]);
    // Someone who may open every child is told there is no such child; anyone else is answered as for a child out of
    // their scope, so an answer never confirms a record to someone who may not see it.
    if (!inScope) return scope.kind === 'all' ? 'missing' : 'refused';
    // A restricted record is closed to everyone not named on it, whatever their reach (issue 16, ADR 0044).
    return standing === 'closed' ? 'restricted' : 'open';
  };

  /** Audit a refusal that `reach` answered (a restricted one unless told not to), and pass the answer on. */
  const settleAccess = async (user: SignedInUser, childId: string, route: string, reached: RecordAccess, options: { auditRestricted: boolean } = { auditRestricted: true }): Promise<RecordAccess> => {
    if (reached === 'refused') await audit.record({ kind: 'user', user }, { action: 'child.access_refused', childId, subject: route });
    if (reached === 'restricted' && options.auditRestricted) {
      await audit.record({ kind: 'user', user }, { action: 'child.access_refused', childId, subject: route, details: { restricted: true } });
    }
    return reached;
  };

  /**
   * The same rule as the child's page. A refusal is audited, and is the same whether or not the id exists, so it
   * never confirms a record to someone who may not see it. People who may see every child are told when there is no
   * such child (`missing`, not audited: no record was reached): a page by the child-scope middleware, a form that
   * names a child by the service that then finds no such child (`guard` lets them pass).
   */
  const access = async (user: SignedInUser, childId: string, route: string, options: { auditRestricted: boolean } = { auditRestricted: true }): Promise<RecordAccess> =>
    settleAccess(user, childId, route, await reach(user, childId), options);
  /** Open, or — for someone who may open every child — no such child, which the caller then says (as the page does). */
  const guard = async (user: SignedInUser, childId: string, route: string): Promise<boolean> => ['open', 'missing'].includes(await access(user, childId, route));
  /** Of these children, which this person may open and which are in their scope but restricted and closed to them. */
  const standingAmong = async (user: SignedInUser, childIds: readonly string[]): Promise<{ open: Set<string>; restricted: Set<string> }> => {
    const scope = childScope(user);
    if (scope.kind === 'none' || childIds.length === 0) return { open: new Set(), restricted: new Set() };
    const inScope = await repository.inScopeAmong(db, scope, childIds);
    const closed = await restrictions.closedAmong(db, user.userId, [...inScope]);
    return { open: new Set([...inScope].filter((childId) => !closed.has(childId))), restricted: closed };
  };
  /**
   * A child's brothers and sisters as this person may see them (issue 16's rule, as for a referral's siblings): named
   * where they may open the record, "Restricted record" with the id where it is restricted to others, and otherwise
   * only counted. The summary keeps the named ones only, so no other name leaves the service.
   */
  const familySeenBy = async (user: SignedInUser, summary: ChildSummary): Promise<{ summary: ChildSummary; family: FamilyMemberSeen[] }> => {
    const { open, restricted } = await standingAmong(user, summary.familyMembers.map((member) => member.childId));
    const family: FamilyMemberSeen[] = summary.familyMembers.map((member) => open.has(member.childId)
      ? { seen: 'open', ...member }
      : restricted.has(member.childId) ? { seen: 'restricted', childId: member.childId } : { seen: 'not_open' });
    return { summary: { ...summary, familyMembers: summary.familyMembers.filter((member) => open.has(member.childId)) }, family };
  };
  /** In scope and not closed to this person by a restriction (no audit: the caller audits what it then does). */
  const mayOpen = async (tx: Queryable, scope: ChildScope, user: SignedInUser, childId: string): Promise<boolean> =>
    scope.kind !== 'none' && (await repository.isInScope(tx, scope, childId)) && (await restrictions.standing(tx, user.userId, childId)) !== 'closed';

  return {
    /**
     * The search made before adding a child: every likely duplicate of this name and date of birth (the rule in
     * likelyDuplicates.ts), whoever's they are, each saying whether this person may open it. Audited as a search.
     * @example await children.checkBeforeAdding(worker, { forename: 'Ailsa', surname: 'Boyd', dateOfBirth: '2012-03-04' })
     */
    async checkBeforeAdding(user: SignedInUser, child: NamedChild): Promise<LikelyDuplicate[]> {
      const duplicates = await duplicatesAmong(db, childScope(user), user, child, null);
      await audit.record({ kind: 'user', user }, {
        action: 'child.searched',
        subject: 'before adding a child',
        details: { forename: child.forename, surname: child.surname, dateOfBirth: child.dateOfBirth, results: duplicates.length },
      });
      return duplicates;
    },

    /**
     * Record a child from the "Add a child" page, in one transaction with its audit event. Refused when a child
     * with the same name and date of birth exists, and held back while likely duplicates exist that the person
     * has not ruled out. The child joins the family of `siblingId` if given, otherwise a new family.
     * @example await children.add(worker, { forename: 'Ailsa', surname: 'Boyd', dateOfBirth: '2012-03-04', sex: 'F', school: 'Whinfield Primary', schoolCluster: 'Belmont', locality: null, siblingId: null }, { notADuplicate: false })
     */
    async add(user: SignedInUser, child: NewChild, options: { notADuplicate: boolean }): Promise<Added> {
      const scope = childScope(user);
      if (scope.kind === 'none') return { outcome: 'forbidden' };
      // A brother or sister named by id passes the same scope check as their page: unknown and not-yours answer alike.
      if (child.siblingId && !(await guard(user, child.siblingId, 'POST /children/new'))) return { outcome: 'unknown_sibling' };
      return db.transaction(async (tx): Promise<Added> => {
        const duplicates = await duplicatesAmong(tx, scope, user, child, null);
        if (duplicates.some((d) => d.sameNameAndBirth)) return { outcome: 'same_child', duplicates };
        if (duplicates.length && !options.notADuplicate) return { outcome: 'unconfirmed', duplicates };
        let familyId: string | null = null;
        if (child.siblingId) {
          const siblingFamily = await repository.familyIdOf(tx, child.siblingId);
          if (siblingFamily === undefined) return { outcome: 'unknown_sibling' };
          familyId = siblingFamily ?? newRecordId('FAM');
          if (siblingFamily === null) {
            await repository.joinFamily(tx, child.siblingId, familyId);
            await audit.record({ kind: 'user', user }, { action: 'child.changed', childId: child.siblingId, subject: 'family', details: { familyId } }, tx);
          }
        }
        const childId = await newChildId(tx);
        await repository.add(tx, { ...child, childId, familyId: familyId ?? newRecordId('FAM') });
        await audit.record({ kind: 'user', user }, {
          action: 'child.created', childId, subject: 'added',
          details: { ...child, likelyDuplicatesRuledOut: duplicates.map((d) => d.childId) },
        }, tx);
        return { outcome: 'added', childId, mayOpen: await mayOpen(tx, scope, user, childId) };
      });
    },

    /**
     * The id for a child about to be added, continuing the numbered style of the ids already held (`C012988` after
     * `C012987`), inside the transaction that adds the child.
     * @example const childId = await children.newChildId(tx)
     */
    newChildId,

    /** @example await children.search(user, { text: 'Boyd', limit: 50 }) */
    async search(user: SignedInUser, search: ChildSearch): Promise<ChildSearchResult[]> {
      const scope = childScope(user);
      if (scope.kind === 'none') return [];
      const found = await repository.search(db, scope, search);
      // A restricted record closed to this person is found (by its id or name) but shown only as "Restricted record".
      const closed = await restrictions.closedAmong(db, user.userId, found.map((r) => r.childId));
      const results = found.map((r): ChildSearchResult => (closed.has(r.childId)
        ? { childId: r.childId, forename: null, surname: null, dateOfBirth: '', schoolCluster: null, openCaseTeam: null, restricted: true }
        : r));
      await audit.record({ kind: 'user', user }, {
        action: 'child.searched',
        details: { text: search.text ?? null, dateOfBirth: search.dateOfBirth ?? null, results: results.length },
      });
      return results;
    },

    /**
     * May this person see (and so work on) this child's record? Other modules ask this before any read or
     * change of a child's record; it does not audit — the caller audits what it then does.
     * @example if (!(await children.mayAccess(user, childId))) throw forbidden()
     */
    async mayAccess(user: SignedInUser, childId: string): Promise<boolean> {
      return mayOpen(db, childScope(user), user, childId);
    },

    /**
     * The scope check every route that takes a child id passes first (app/middleware/setUpChildScope.ts), the same
     * rule as the child's page; refusals audited, alike whether or not the id exists.
     * @example if (!(await children.guard(user, 'C1', 'GET /children/:childId/care'))) throw recordRefused()
     */
    guard,

    /**
     * The guard's three answers, for the child-scope hook: open, restricted (in scope, closed to this person: they may
     * break the glass) or refused. Both refusals are audited.
     * @example if ((await children.access(user, 'C1', 'GET /children/:childId')) === 'restricted') reply.redirect(…)
     */
    access,

    /**
     * `access` in two steps, for the child-scope hook, which asks the reads alongside the merged-id look-up: `reach`
     * reads (no audit), `settleAccess` audits the refusal it answered. A caller that uses `reach` must settle it.
     * @example const reached = await children.reach(user, 'C1'); await children.settleAccess(user, 'C1', 'GET /children/:childId', reached)
     */
    reach,
    settleAccess,

    /**
     * Which of these children's records are restricted and closed to this person, whatever their scope (for lists that
     * reach children by another road, such as a team's referrals): show them as "Restricted record". Not audited.
     * @example const closed = await children.restrictedAmong(manager, ['A1', 'B2']) // Set { 'B2' }
     */
    async restrictedAmong(user: SignedInUser, childIds: readonly string[]): Promise<Set<string>> {
      return restrictions.closedAmong(db, user.userId, childIds);
    },

    /**
     * Whether a record is restricted and closed to this person, without auditing (the break-glass page asks it).
     * @example await children.closedByRestriction(user, 'C1') // true
     */
    async closedByRestriction(user: SignedInUser, childId: string): Promise<boolean> {
      return (await restrictions.standing(db, user.userId, childId)) === 'closed';
    },

    /**
     * Which of these children the person may open, in one look-up (for lists that name some and count the rest).
     * @example const named = await children.accessibleAmong(manager, ['A1', 'B2']) // Set { 'A1' }
     */
    async accessibleAmong(user: SignedInUser, childIds: readonly string[]): Promise<Set<string>> {
      const scope = childScope(user);
      if (scope.kind === 'none') return new Set();
      const inScope = await repository.inScopeAmong(db, scope, childIds);
      const closed = await restrictions.closedAmong(db, user.userId, [...inScope]);
      return new Set([...inScope].filter((childId) => !closed.has(childId)));
    },

    /**
     * Of these children in this person's scope, which they may open and which are restricted and closed to them (for
     * lists that keep a restricted child's row but show "Restricted record" instead of the name). Not audited.
     * @example const { open, restricted } = await children.standingAmong(manager, ['A1', 'B2']) // open: { 'A1' }, restricted: { 'B2' }
     */
    standingAmong,

    /**
     * Correct a child's details. Refused when the new name and date of birth match another child's: that is a
     * duplicate to merge, not to make.
     * @example await children.changeDetails(worker, 'A1', { forename: 'Ailsa', surname: 'Boyd', dateOfBirth: '2012-03-04', sex: 'F', school: null, schoolCluster: 'Belmont', locality: null })
     */
    async changeDetails(user: SignedInUser, childId: string, details: ChildDetailsChange, version: number): Promise<{ outcome: 'changed' | 'not_found' | 'forbidden' | 'changed_meanwhile' } | { outcome: 'duplicate'; childIds: string[] }> {
      const scope = childScope(user);
      if (!(await repository.exists(db, childId))) return { outcome: 'not_found' };
      if (!(await mayOpen(db, scope, user, childId))) return { outcome: 'forbidden' };
      const duplicates = await repository.likelyDuplicates(db, childId, details.forename, details.surname, details.dateOfBirth);
      if (duplicates.length) return { outcome: 'duplicate', childIds: duplicates };
      return db.transaction(async (tx) => {
        if (!(await repository.updateDetails(tx, childId, details, version))) return { outcome: 'changed_meanwhile' as const };
        await audit.record({ kind: 'user', user }, { action: 'child.changed', childId, subject: 'details', details: { ...details, fromVersion: version } }, tx);
        return { outcome: 'changed' as const };
      });
    },

    /**
     * Open a child's summary. Refusals are audited too: an attempt to see a record is itself a fact. With
     * `withPossibleDuplicates`, the other records likely to be this child come too (the "Possible duplicate records" panel).
     * The reads a page needs go together (issue 15 item 4): the scope and restriction checks with the summary, then the
     * audit event with the duplicates; the summary is only ever returned once the checks pass and the view is audited.
     * @example const view = await children.view(manager, 'C1', { withPossibleDuplicates: true })
     */
    async view(user: SignedInUser, childId: string, options: { withPossibleDuplicates?: boolean } = {}): Promise<ChildView> {
      const scope = childScope(user);
      const [presence, standing, summary] = await Promise.all([
        repository.presence(db, scope, childId),
        restrictions.standing(db, user.userId, childId),
        repository.summary(db, childId),
      ]);
      if (!presence.exists) return { outcome: 'not_found' };
      // The same rule as mayOpen, its scope half answered by the look-up above.
      const open = scope.kind !== 'none' && presence.inScope && standing !== 'closed';
      if (!open) {
        await audit.record({ kind: 'user', user }, { action: 'child.viewed', childId, details: { refused: true } });
        return { outcome: 'forbidden' };
      }
      if (!summary) return { outcome: 'not_found' };
      const [, possibleDuplicates, seen] = await Promise.all([
        audit.record({ kind: 'user', user }, { action: 'child.viewed', childId, subject: 'summary' }),
        options.withPossibleDuplicates ? duplicatesAmong(db, scope, user, summary.child, childId) : undefined,
        familySeenBy(user, summary),
      ]);
      return { outcome: 'shown', summary: seen.summary, family: seen.family, possibleDuplicates };
    },

    /**
     * The child's summary for a page that has audited its own view of the child already (issue 16 item 5: one view,
     * once), so not audited again; the same scope rule as `view`, and the same family: only those this person may open.
     * @example await children.summaryForAuditedPage(user, 'C1') // { outcome: 'shown', summary }
     */
    async summaryForAuditedPage(user: SignedInUser, childId: string): Promise<ChildView> {
      if (!(await mayOpen(db, childScope(user), user, childId))) return { outcome: 'forbidden' };
      const summary = await repository.summary(db, childId);
      return summary ? { outcome: 'shown', ...(await familySeenBy(user, summary)) } : { outcome: 'not_found' };
    },
  };
}
export type ChildService = ReturnType<typeof childService>;
