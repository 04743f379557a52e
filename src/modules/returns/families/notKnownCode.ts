/** @module The code-list family: a code that says nothing ("not known", "other") where the return wants a real one. */
import type { Rule, RuleKind } from '../rule.js';
import type { RuleContext } from '../ruleContext.js';
import type { TableName } from '../records.js';
import { breachOf, type RecordOf } from '../breachOf.js';

export interface NotKnownCodeSpec<T extends TableName> {
  code: string;
  kind: RuleKind;
  table: T;
  field: keyof RecordOf<T> & string;
  /** The codes that are to be checked. */
  codes: readonly string[];
  message: string;
  meaning: string;
  scope(context: RuleContext): readonly RecordOf<T>[];
  reads?: readonly TableName[];
}

/** @example notKnownCode({ code: 'C104', table: 'children', field: 'sex', codes: ['U'], ... }) */
export function notKnownCode<T extends TableName>(spec: NotKnownCodeSpec<T>): Rule {
  return {
    code: spec.code,
    kind: spec.kind,
    message: spec.message,
    meaning: spec.meaning,
    tables: [spec.table, ...(spec.reads ?? [])],
    fields: [`${spec.table}.${spec.field}`],
    check: (context) =>
      spec.scope(context)
        .filter((record) => spec.codes.includes(String(record[spec.field])))
        .map((record) => breachOf(spec.table, record, { detail: `recorded as ${String(record[spec.field])}` })),
  };
}
