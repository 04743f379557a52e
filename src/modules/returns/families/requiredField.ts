/** @module The required-field family: a field that must be recorded on every record a return counts. */
import type { Rule, RuleKind } from '../rule.js';
import type { RuleContext } from '../ruleContext.js';
import type { TableName } from '../records.js';
import { breachOf, type RecordOf } from '../breachOf.js';

export interface RequiredFieldSpec<T extends TableName> {
  code: string;
  kind: RuleKind;
  table: T;
  field: keyof RecordOf<T> & string;
  message: string;
  meaning: string;
  /** The records the field is required on. */
  scope(context: RuleContext): readonly RecordOf<T>[];
  /** Other tables the scope reads. */
  reads?: readonly TableName[];
}

const missing = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** @example requiredField({ code: 'C101', kind: 'error', table: 'children', field: 'sex', ... }) */
export function requiredField<T extends TableName>(spec: RequiredFieldSpec<T>): Rule {
  return {
    code: spec.code,
    kind: spec.kind,
    message: spec.message,
    meaning: spec.meaning,
    tables: [spec.table, ...(spec.reads ?? [])],
    fields: [`${spec.table}.${spec.field}`],
    check: (context) => spec.scope(context).filter((record) => missing(record[spec.field])).map((record) => breachOf(spec.table, record)),
  };
}
