/**
 * @module The data quality page's issues: each finding of a rule run placed with its child's team and worker, and
 * split into the issues still open and the queries marked "checked, correct" whose record has not changed since.
 */
import { createHash } from 'node:crypto';
import type { Finding, RuleKind } from '../rule.js';
import { recordIdField, type ReturnRecords, type TableName } from '../records.js';

/** A query marked "checked, correct", as stored. */
export interface CheckedMark {
  markId: number;
  code: string;
  table: string;
  recordId: string;
  childId: string | null;
  /** The record's fingerprint when it was marked: the mark holds while the record still has it. */
  fingerprint: string;
  reason: string;
  markedByName: string;
  markedAt: string;
}

/** One finding as the page shows it. */
export interface Issue extends Finding {
  /** The team of the child's open case (else their latest case); null when the child has none. */
  team: string | null;
  workerId: string | null;
}

/** A finding hidden by a mark that still holds. */
export interface MarkedIssue extends Issue {
  mark: CheckedMark;
}

/** A record's fingerprint as it is now (what a "checked, correct" mark is held against), worked out when asked. */
export type FingerprintOf = (table: TableName, recordId: string) => string;

/** The issues of one run, open and marked. */
export interface IssueSplit {
  open: Issue[];
  marked: MarkedIssue[];
  /** Marks whose record has changed (or whose query is no longer raised): they no longer hide anything. */
  lapsed: CheckedMark[];
  /** The fingerprint a new mark is given: worked out for that record alone (ADR 0067). */
  fingerprintOf: FingerprintOf;
}

const markKey = (code: string, table: string, recordId: string) => `${code}|${table}|${recordId}`;

/**
 * Records' fingerprints: the SHA-256 of a record's fields as read for the rules, so any change to what a rule reads
 * makes a new one. Each table is indexed by record id once, when first asked about (a large authority's run has tens
 * of thousands of findings over hundreds of thousands of records: a search per finding took minutes).
 * @example fingerprints(records)('children', 'C1') // '9f86d0…'
 */
export function fingerprints(records: ReturnRecords): FingerprintOf {
  const indexes = new Map<TableName, Map<string, object>>();
  return (table, recordId) => {
    let index = indexes.get(table);
    if (!index) {
      const idField: string = recordIdField[table];
      const rows: readonly object[] = records[table];
      index = new Map();
      // The first record with an id, as a search from the start would find.
      for (const row of rows) {
        const id = String((row as Record<string, unknown>)[idField]);
        if (!index.has(id)) index.set(id, row);
      }
      indexes.set(table, index);
    }
    return createHash('sha256').update(JSON.stringify(index.get(recordId) ?? null)).digest('hex');
  };
}

/** The team and worker a child's issues belong to: their open case's, else their latest case's. */
export function placeOf(records: ReturnRecords, asAt: string) {
  const byChild = new Map<string, { team: string | null; workerId: string | null; open: boolean; openedDate: string }>();
  for (const record of records.cases) {
    const open = record.openedDate <= asAt && (record.closedDate === null || record.closedDate > asAt);
    const known = byChild.get(record.childId);
    const better = !known || (open && !known.open) || (open === known.open && record.openedDate > known.openedDate);
    if (better) byChild.set(record.childId, { team: record.team, workerId: record.workerId, open, openedDate: record.openedDate });
  }
  return (childId: string | null) => (childId === null ? undefined : byChild.get(childId));
}

/**
 * A finding with its child's team and worker, written out field by field: `{ ...finding, team, workerId }` makes a
 * dictionary-mode object of about 500 bytes, four times this one, and a large authority's run has 170,000 (ADR 0067).
 */
export function placed(finding: Finding, team: string | null, workerId: string | null): Issue {
  const { code, kind, message, table, recordId, childId, fields, issueId, detail } = finding;
  return { code, kind, message, table, recordId, childId, fields, issueId, detail, team, workerId };
}

/**
 * Split a run's findings by the marks: a query whose mark's fingerprint is still its record's is hidden; any other
 * mark has lapsed. Errors are never hidden. Only a finding with a mark has its record fingerprinted: a large
 * authority's run has a hundred thousand findings and a handful of marks (ADR 0067).
 * @example splitIssues(run.findings, records, marks, '2022-09-30').open.length
 */
export function splitIssues(findings: readonly Finding[], records: ReturnRecords, marks: readonly CheckedMark[], asAt: string): IssueSplit {
  const place = placeOf(records, asAt);
  const fingerprintOfRecord = fingerprints(records);
  const marksByKey = new Map(marks.map((mark) => [markKey(mark.code, mark.table, mark.recordId), mark]));
  const used = new Set<number>();
  const split: IssueSplit = { open: [], marked: [], lapsed: [], fingerprintOf: fingerprintOfRecord };
  for (const finding of findings) {
    const where = place(finding.childId);
    const issue = placed(finding, where?.team ?? null, where?.workerId ?? null);
    const mark = finding.kind === 'query' ? marksByKey.get(markKey(finding.code, finding.table, finding.recordId)) : undefined;
    if (mark && mark.fingerprint === fingerprintOfRecord(finding.table, finding.recordId)) {
      used.add(mark.markId);
      split.marked.push({ ...issue, mark });
    } else split.open.push(issue);
  }
  split.lapsed = marks.filter((mark) => !used.has(mark.markId));
  return split;
}

/** Open issues counted by rule, for a run's snapshot. */
export function countsByRule(open: readonly Issue[]): { code: string; kind: RuleKind; issues: number }[] {
  const counts = new Map<string, { code: string; kind: RuleKind; issues: number }>();
  for (const issue of open) {
    const count = counts.get(issue.code) ?? { code: issue.code, kind: issue.kind, issues: 0 };
    count.issues += 1;
    counts.set(issue.code, count);
  }
  return [...counts.values()].sort((a, b) => a.code.localeCompare(b.code));
}
