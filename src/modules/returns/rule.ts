/** @module What a returns rule is, what it is given, and what it reports. */
import type { RuleContext } from './ruleContext.js';
import type { TableName } from './records.js';

/** An error stops a return being built; a query asks someone to check a record, and may be marked correct. */
/** A rule's kind: an error blocks the return; a query asks for a check (and may be marked "checked, correct"). */
export const ruleKinds = ['error', 'query'] as const;
export type RuleKind = (typeof ruleKinds)[number];

/** One record a rule finds wrong. Records sharing an `issueId` are one problem spanning them. */
export interface Breach {
  table: TableName;
  recordId: string;
  /** The child the record belongs to; null for records of no child (a population year, a provider). */
  childId: string | null;
  /** The fields at fault, as `table.field`; the rule's own fields when absent. */
  fields?: readonly string[];
  /** Shared by every record of one problem (e.g. both episodes of a one-day gap); the record's own when absent. */
  issueId?: string;
  /** Particulars of this record (e.g. "born 2010-03-04, 18 on 2028-03-04"). */
  detail?: string;
}

export interface Rule {
  /** Never reused for another meaning: a changed meaning is a new code. */
  code: string;
  kind: RuleKind;
  /** What is wrong, in a sentence shown beside every record the rule finds. */
  message: string;
  /** What the rule checks and why, in plain words, for the catalogue (`docs/rules/`). */
  meaning: string;
  /** The tables the rule reads; it is skipped when any of them has no records. */
  tables: readonly TableName[];
  /** The fields it checks, as `table.field`. */
  fields: readonly string[];
  check(context: RuleContext): Breach[];
}

/** One record found by one rule, as reported. */
export interface Finding {
  code: string;
  kind: RuleKind;
  message: string;
  table: TableName;
  recordId: string;
  childId: string | null;
  fields: readonly string[];
  issueId: string;
  detail: string | null;
}
