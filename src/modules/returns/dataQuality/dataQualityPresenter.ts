/** @module The data quality pages' rows: issues with who fixes them and where, the filters' choices, counts over time, marks. */
import { paths } from '../../../platform/http/paths.js';
import { pagination } from '../../../platform/http/pagination.js';
import { dateTimeOf, numberOf } from '../../../platform/dates/formats.js';
import type { RuleRun } from '../runRules.js';
import { issuesPerPage, type IssueFilters, type ListedIssue, type ListedMark } from './dataQualityService.js';
import type { RuleCount, RunSnapshot, RunTrigger } from './dataQualityRepository.js';
import { collectionYears } from './dataQualityFilters.js';

const triggerWords: Record<RunTrigger, string> = { import: 'After an import', nightly: 'Nightly', on_demand: 'Command line', page: 'Check now' };
const tableWords: Record<string, string> = {
  children: 'Child', cases: 'Case', episodes: 'Looked after episode', placements: 'Placement', providers: 'Provider',
  registrations: 'Registration', planningMeetings: 'Planning meeting', reporterReferrals: 'Referral to the Reporter', population: 'Population',
};

interface Choice {
  value: string;
  text: string;
  selected?: boolean;
}

/** A select's items: "All" first, then each value once, sorted by its words. */
function choices(all: string, values: Iterable<[string, string]>, chosen: string | undefined): Choice[] {
  const unique = [...new Map(values).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  return [{ value: '', text: all }, ...unique.map(([value, text]) => ({ value, text, selected: value === chosen }))];
}

/** Counts of issues grouped by one field, most first. */
function groupCounts(issues: readonly ListedIssue[], key: (issue: ListedIssue) => string) {
  const counts = new Map<string, { name: string; errors: number; queries: number }>();
  for (const issue of issues) {
    const name = key(issue);
    const count = counts.get(name) ?? { name, errors: 0, queries: 0 };
    if (issue.kind === 'error') count.errors += 1;
    else count.queries += 1;
    counts.set(name, count);
  }
  return [...counts.values()].sort((a, b) => b.errors + b.queries - (a.errors + a.queries) || a.name.localeCompare(b.name));
}

/** Children in the child filter's list at most; a large authority's year names tens of thousands. */
export const childrenListedAtMost = 300;

function childChoices(all: readonly ListedIssue[], chosen: string | undefined): Choice[] | undefined {
  const children = new Map(all.filter((issue) => issue.childId).map((issue) => [issue.childId!, childWords(issue)] as [string, string]));
  return children.size <= childrenListedAtMost ? choices('All children', children, chosen) : undefined;
}

const childWords = (issue: ListedIssue) => (issue.childId === null ? 'No child' : issue.childName ? `${issue.childName} (${issue.childId})` : issue.childId);

/** The issues page: its filters, its summary and its rows. */
export function presentIssues(result: { run: RuleRun; all: ListedIssue[]; shown: ListedIssue[]; onPage: ListedIssue[]; page: number; markedCount: number }, year: string, filters: IssueFilters, today: string) {
  const { all, shown, run, page } = result;
  const pages = pagination(page, issuesPerPage, shown.length, (to) => paths.dataQuality.issues({ year, ...filters, ...(to > 1 ? { page: String(to) } : {}) }));
  const errors = shown.filter((issue) => issue.kind === 'error').length;
  return {
    year,
    filters,
    filtered: Object.keys(filters).length > 0,
    clearHref: paths.dataQuality.issues({ year }),
    checkedHref: paths.dataQuality.checked(),
    checkNowAction: paths.dataQuality.checkNow(),
    filterAction: paths.dataQuality.issues(),
    returnsHref: paths.dataQuality.returns({ year }),
    counts: { errors: numberOf(errors), queries: numberOf(shown.length - errors), marked: numberOf(result.markedCount), failed: run.failed, skipped: run.skipped.length, pack: run.pack },
    choices: {
      year: collectionYears(today).map((label) => ({ value: label, text: label, selected: label === year })),
      team: choices('All teams', all.map((issue) => [issue.team ?? '', issue.team ?? 'No team'] as [string, string]).filter(([value]) => value), filters.team),
      worker: choices('All workers', all.filter((issue) => issue.workerId).map((issue) => [issue.workerId!, issue.workerName ?? issue.workerId!] as [string, string]), filters.worker),
      // A list of every child with an issue while it is short enough to choose from; past that, their ID is typed.
      child: childChoices(all, filters.child),
      code: choices('All rules', all.map((issue) => [issue.code, `${issue.code} — ${issue.message}`] as [string, string]), filters.code),
      kind: [{ value: '', text: 'Errors and queries' }, { value: 'error', text: 'Errors only', selected: filters.kind === 'error' }, { value: 'query', text: 'Queries only', selected: filters.kind === 'query' }],
    },
    byTeam: groupCounts(shown, (issue) => issue.team ?? 'No team'),
    byWorker: groupCounts(shown, (issue) => issue.workerName ?? 'No worker'),
    pagination: pages.pages > 1 ? { ...pages, words: `Issues ${numberOf((page - 1) * issuesPerPage + 1)} to ${numberOf(Math.min(page * issuesPerPage, shown.length))} of ${numberOf(shown.length)}` } : undefined,
    rows: result.onPage
      .map((issue) => ({
        id: `${issue.code}-${issue.table}-${issue.recordId}`.replace(/[^A-Za-z0-9-]/g, '-'),
        code: issue.code,
        kind: issue.kind,
        kindWords: issue.kind === 'error' ? 'Error' : 'Query',
        message: issue.message,
        detail: issue.detail,
        record: `${tableWords[issue.table] ?? issue.table} ${issue.recordId}`,
        team: issue.team ?? 'No team',
        worker: issue.workerName ?? 'No worker',
        child: childWords(issue),
        fix: issue.fix,
        markHref: issue.markable ? paths.dataQuality.markChecked({ code: issue.code, table: issue.table, record: issue.recordId, year }) : undefined,
      })),
  };
}

/** Counts over time: one row per run, newest first, and a table of each rule's issues over the same runs. */
export function presentHistory(history: { runs: RunSnapshot[]; counts: RuleCount[] }) {
  const runs = [...history.runs].reverse();
  const codes = [...new Set(history.counts.map((count) => count.code))].sort();
  const issuesOf = (runId: number, code: string) => history.counts.find((count) => count.runId === runId && count.code === code)?.issues ?? 0;
  return {
    runs: history.runs.map((run) => ({
      when: dateTimeOf(run.ranAt), trigger: triggerWords[run.trigger], errors: numberOf(run.errors), queries: numberOf(run.queries), checkedCorrect: numberOf(run.checkedCorrect), failed: numberOf(run.rulesFailed),
    })),
    byRule: {
      head: runs.map((run) => dateTimeOf(run.ranAt)),
      rows: codes.map((code) => ({ code, kind: history.counts.find((count) => count.code === code)!.kind, counts: runs.map((run) => numberOf(issuesOf(run.runId, code))) })),
    },
  };
}

const stateWords = { holds: 'Holds', lapsed: 'Lapsed: the record has changed', withdrawn: 'Withdrawn' } as const;

/** The list of marks: who marked what, when and why, and whether each still holds. */
export function presentMarks(marks: readonly ListedMark[]) {
  return marks.map((mark) => ({
    markId: mark.markId,
    code: mark.code,
    record: `${tableWords[mark.table] ?? mark.table} ${mark.recordId}`,
    childId: mark.childId,
    reason: mark.reason,
    marked: `${mark.markedByName}, ${dateTimeOf(mark.markedAt)}`,
    withdrawn: mark.withdrawnAt ? `${mark.withdrawnByName ?? ''}, ${dateTimeOf(mark.withdrawnAt)}` : null,
    state: stateWords[mark.state],
    withdrawable: mark.state !== 'withdrawn',
    withdrawAction: paths.dataQuality.withdrawMark({ markId: mark.markId }),
  }));
}
