/**
 * @module The data quality page's work: the issues a person's reach allows, filtered, with who is to fix them and
 * where; "check now"; the counts over time; and marking a query "checked, correct" or withdrawing the mark (audited).
 */
import type { Database } from '../../../db/database.js';
import { childScope, may } from '../../../platform/access/access.js';
import type { SignedInUser } from '../../../platform/access/user.js';
import type { AuditService } from '../../audit/auditService.js';
import type { ReturnsService, Review } from '../returnsService.js';
import type { DataQualityRepository, RuleCount, RunSnapshot, StoredMark } from './dataQualityRepository.js';
import { placed, placeOf, type Issue } from './issues.js';
import { fixScreen, type FixScreen } from './fixScreens.js';
import { pageCount } from '../../../platform/http/pagination.js';

/** What the page is filtered by; every one optional. */
export interface IssueFilters {
  team?: string;
  worker?: string;
  child?: string;
  code?: string;
  kind?: 'error' | 'query';
}

/** One issue as the page lists it. */
export interface ListedIssue extends Issue {
  /** The child's name, for people who may open the child's record; the ID alone otherwise. */
  childName: string | null;
  workerName: string | null;
  fix: FixScreen | undefined;
  /** May this person mark it "checked, correct" (a query, on a child in their reach)? */
  markable: boolean;
}

/** A mark as the list of marks shows it. */
export interface ListedMark extends StoredMark {
  state: 'holds' | 'lapsed' | 'withdrawn';
}

/** A review's issues as one person's reach lists them: open ones in the page's order, and those marked. */
interface Listed {
  review: Review;
  open: ListedIssue[];
  marked: Review['split']['marked'];
}

const user = (person: SignedInUser) => ({ kind: 'user', user: person }) as const;

/** Does a person's reach cover an issue's child (by the team or worker of the child's case)? */
function reaches(person: SignedInUser, issue: Pick<Issue, 'team' | 'workerId'>): boolean {
  const scope = childScope(person);
  switch (scope.kind) {
    case 'all':
    case 'none':
      return true;
    case 'team':
      return issue.team === scope.team;
    case 'caseload':
      return (scope.workerId !== null && issue.workerId === scope.workerId) || (scope.team !== null && issue.team === scope.team);
  }
}

/** Issues a page lists at once: a large authority's year can raise tens of thousands. */
export const issuesPerPage = 100;

/** Errors first, then by team, worker, child and rule; no team, worker or child last. */
const issueOrder = (a: ListedIssue, b: ListedIssue) =>
  (a.kind === b.kind ? 0 : a.kind === 'error' ? -1 : 1) || (a.team ?? '~').localeCompare(b.team ?? '~') || (a.workerName ?? '~').localeCompare(b.workerName ?? '~')
  || (a.childId ?? '').localeCompare(b.childId ?? '') || a.code.localeCompare(b.code);

const matches = (filters: IssueFilters) => (issue: ListedIssue) =>
  (!filters.team || issue.team === filters.team) && (!filters.worker || issue.workerId === filters.worker) && (!filters.child || issue.childId === filters.child)
  && (!filters.code || issue.code === filters.code) && (!filters.kind || issue.kind === filters.kind);

/** @example await dataQualityService(db, services.returns, repository, audit).issues(user, { kind: 'query' }) */
export function dataQualityService(db: Database, returns: ReturnsService, repository: DataQualityRepository, audit: AuditService) {
  /**
   * Each review's issues as listed for each reach (ADR 0055): a review is the very same object while no record changes,
   * so its listings go with it; a large authority's year has tens of thousands of issues to place, name and sort.
   */
  const listings = new WeakMap<Review, Map<string, Promise<Listed>>>();
  async function listed(person: SignedInUser, options: { year?: string; today?: string }): Promise<Listed> {
    const review = await returns.review(options);
    const byReach = listings.get(review) ?? new Map<string, Promise<Listed>>();
    listings.set(review, byReach);
    const reach = JSON.stringify([person.userId, person.role, person.team, person.workerId]);
    const found = byReach.get(reach);
    if (found) return found;
    const listing = listedFrom(review, person);
    listing.catch(() => byReach.delete(reach));
    byReach.set(reach, listing);
    return listing;
  }

  async function listedFrom(review: Review, person: SignedInUser): Promise<Listed> {
    const { workers } = await repository.names(db);
    const named = childScope(person).kind !== 'none';
    const children = new Map(review.records.children.map((child) => [child.childId, child]));
    const nameOf = (childId: string | null) => {
      const child = childId === null ? undefined : children.get(childId);
      return named && child ? [child.forename, child.surname].filter(Boolean).join(' ') || null : null;
    };
    const list = (issue: Issue): ListedIssue => {
      const fix = fixScreen(issue);
      // A copy made by `placed` and added to, not `...issue`: a spread and four more fields make a dictionary-mode
      // object (ADR 0067).
      return Object.assign(placed(issue, issue.team, issue.workerId), {
        childName: nameOf(issue.childId),
        workerName: issue.workerId === null ? null : (workers.get(issue.workerId) ?? issue.workerId),
        fix: fix && named && may(person, fix.permission) ? fix : undefined,
        markable: issue.kind === 'query' && named && may(person, 'dataQuality:mark'),
      });
    };
    return { review, open: review.split.open.filter((issue) => reaches(person, issue)).map(list).sort(issueOrder), marked: review.split.marked.filter((issue) => reaches(person, issue)) };
  }

  const markableIn = (open: readonly ListedIssue[], query: { code: string; table: string; recordId: string }) =>
    open.find((issue) => issue.code === query.code && issue.table === query.table && issue.recordId === query.recordId && issue.markable);

  return {
    /**
     * The year's open issues this person may see, filtered, errors first by team, worker and child; `onPage` holds the
     * page asked for (`issuesPerPage` a page, the last page when asked past it). The rows shown naming children are
     * an audited view: only those on the page, as only they are seen.
     */
    async issues(person: SignedInUser, filters: IssueFilters, options: { year?: string; today?: string; page?: number } = {}) {
      const { review, open, marked } = await listed(person, options);
      const shown = open.filter(matches(filters));
      const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount(shown.length, issuesPerPage));
      const onPage = shown.slice((page - 1) * issuesPerPage, page * issuesPerPage);
      const childIds = [...new Set(onPage.filter((issue) => issue.childName !== null).map((issue) => issue.childId!))];
      if (childIds.length) {
        await audit.record(user(person), { action: 'data_quality.viewed', subject: `data-quality/${review.year.label}`, childId: childIds.length === 1 ? childIds[0]! : null, details: { year: review.year.label, filters: { ...filters }, children: childIds } });
      }
      return { year: review.year, run: review.run, all: open, shown, onPage, page, markedCount: marked.length };
    },

    /** Run the rules now and keep the counts, as the nightly run does. */
    async checkNow(options: { year?: string; today?: string } = {}) {
      return returns.check({ ...options, trigger: 'page' });
    },

    /** The year's latest runs, newest first, and their counts by rule. */
    async history(year: string, limit = 12): Promise<{ runs: RunSnapshot[]; counts: RuleCount[] }> {
      const runs = await repository.runs(db, year, limit);
      return { runs, counts: await repository.countsOf(db, runs.map((run) => run.runId)) };
    },

    /** The query one mark form is for, if it is still raised and the person may mark it. */
    async markable(person: SignedInUser, query: { code: string; table: string; recordId: string }, options: { year?: string; today?: string } = {}) {
      const { open } = await listed(person, options);
      return markableIn(open, query);
    },

    /**
     * Mark a query "checked, correct" with the reason, against its record as it is now (audited).
     * @returns 'marked', or 'not_raised' when the query is not (or no longer) open for a record this person may mark
     */
    async markChecked(person: SignedInUser, query: { code: string; table: string; recordId: string; reason: string }, options: { year?: string; today?: string } = {}): Promise<'marked' | 'not_raised'> {
      const { review, open } = await listed(person, options);
      const issue = markableIn(open, query);
      if (!issue) return 'not_raised';
      const fingerprint = review.split.fingerprintOf(issue.table, issue.recordId);
      await db.transaction(async (tx) => {
        const markId = await repository.addMark(tx, { code: issue.code, table: issue.table, recordId: issue.recordId, childId: issue.childId, fingerprint, reason: query.reason, markedBy: person.userId, markedByName: person.displayName });
        await audit.record(user(person), { action: 'data_quality.marked_correct', childId: issue.childId, subject: `${issue.code} ${issue.table}/${issue.recordId}`, reason: query.reason, details: { markId, code: issue.code, table: issue.table, recordId: issue.recordId } }, tx);
      });
      return 'marked';
    },

    /** Every mark (newest first), each as it stands: holding, lapsed because its record changed, or withdrawn. */
    async marks(person: SignedInUser, options: { year?: string; today?: string } = {}): Promise<ListedMark[]> {
      const { review, marked } = await listed(person, options);
      const holding = new Set(marked.map((issue) => issue.mark.markId));
      const place = placeOf(review.records, review.today);
      const all = await repository.allMarks(db, 500);
      const inReach = all.filter((mark) => reaches(person, { team: place(mark.childId)?.team ?? null, workerId: place(mark.childId)?.workerId ?? null }));
      return inReach.map((mark) => ({ ...mark, state: mark.withdrawnAt ? 'withdrawn' : holding.has(mark.markId) ? 'holds' : 'lapsed' }));
    },

    /** Withdraw a mark (audited): its query shows again. */
    async withdrawMark(person: SignedInUser, markId: number): Promise<'withdrawn' | 'not_found'> {
      const mark = await repository.mark(db, markId);
      if (!mark || mark.withdrawnAt) return 'not_found';
      return db.transaction(async (tx) => {
        if (!(await repository.withdrawMark(tx, markId, { userId: person.userId, name: person.displayName }))) return 'not_found';
        await audit.record(user(person), { action: 'data_quality.mark_withdrawn', childId: mark.childId, subject: `${mark.code} ${mark.table}/${mark.recordId}`, details: { markId } }, tx);
        return 'withdrawn';
      });
    },

    async mark(markId: number) {
      return repository.mark(db, markId);
    },
  };
}
export type DataQualityService = ReturnType<typeof dataQualityService>;
