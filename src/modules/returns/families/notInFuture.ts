/** @module The date-in-period family: a date that has not happened yet (on the day the rules run) is a typing slip. */
import type { Rule, RuleKind } from '../rule.js';
import type { TableName } from '../records.js';
import { breachOf, type RecordOf } from '../breachOf.js';

export interface NotInFutureSpec<T extends TableName> {
  code: string;
  kind: RuleKind;
  table: T;
  field: keyof RecordOf<T> & string;
  message: string;
  meaning: string;
}

/** @example notInFuture({ code: 'D101', table: 'episodes', field: 'startDate', ... }) */
export function notInFuture<T extends TableName>(spec: NotInFutureSpec<T>): Rule {
  return {
    code: spec.code,
    kind: spec.kind,
    message: spec.message,
    meaning: spec.meaning,
    tables: [spec.table],
    fields: [`${spec.table}.${spec.field}`],
    check: (context) =>
      (context.records[spec.table] as readonly RecordOf<T>[])
        .filter((record) => {
          const date = record[spec.field] as unknown as string | null;
          return date !== null && date > context.today;
        })
        .map((record) => breachOf(spec.table, record, { detail: `${String(record[spec.field])} is after ${context.today}` })),
  };
}
