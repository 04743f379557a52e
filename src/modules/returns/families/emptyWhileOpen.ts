/** @module The empty-while-open family: an ending's details recorded on a record that has not ended. */
import type { Rule, RuleKind } from '../rule.js';
import type { TableName } from '../records.js';
import { breachOf, type RecordOf } from '../breachOf.js';

export interface EmptyWhileOpenSpec<T extends TableName> {
  code: string;
  kind: RuleKind;
  table: T;
  field: keyof RecordOf<T> & string;
  endField: keyof RecordOf<T> & string;
  message: string;
  meaning: string;
}

/** @example emptyWhileOpen({ code: 'E107', table: 'episodes', field: 'reasonEnded', endField: 'endDate', ... }) */
export function emptyWhileOpen<T extends TableName>(spec: EmptyWhileOpenSpec<T>): Rule {
  return {
    code: spec.code,
    kind: spec.kind,
    message: spec.message,
    meaning: spec.meaning,
    tables: [spec.table],
    fields: [`${spec.table}.${spec.field}`, `${spec.table}.${spec.endField}`],
    check: (context) =>
      (context.records[spec.table] as readonly RecordOf<T>[])
        .filter((record) => record[spec.endField] === null && record[spec.field] !== null)
        .map((record) => breachOf(spec.table, record)),
  };
}
