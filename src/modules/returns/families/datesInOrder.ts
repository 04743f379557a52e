/** @module The date-order family: a record's date that cannot come before another date (often the child's birth). */
import type { Rule, RuleKind } from '../rule.js';
import type { RuleContext } from '../ruleContext.js';
import type { TableName } from '../records.js';
import { breachOf, type RecordOf } from '../breachOf.js';

export interface DatesInOrderSpec<T extends TableName> {
  code: string;
  kind: RuleKind;
  table: T;
  /** The later date: a field of the record. */
  later: keyof RecordOf<T> & string;
  /** The earlier date, as `table.field`, and how to find it for a record (undefined: nothing to compare). */
  earlierField: string;
  earlier(record: RecordOf<T>, context: RuleContext): string | null | undefined;
  message: string;
  meaning: string;
  scope(context: RuleContext): readonly RecordOf<T>[];
  reads?: readonly TableName[];
}

/** @example datesInOrder({ code: 'E103', table: 'episodes', later: 'startDate', earlierField: 'children.dateOfBirth', ... }) */
export function datesInOrder<T extends TableName>(spec: DatesInOrderSpec<T>): Rule {
  return {
    code: spec.code,
    kind: spec.kind,
    message: spec.message,
    meaning: spec.meaning,
    tables: [spec.table, ...(spec.reads ?? [])],
    fields: [`${spec.table}.${spec.later}`, spec.earlierField],
    check: (context) =>
      spec.scope(context).flatMap((record) => {
        const earlier = spec.earlier(record, context);
        const later = record[spec.later] as unknown as string | null;
        if (!earlier || !later || later >= earlier) return [];
        return [breachOf(spec.table, record, { detail: `${later} is before ${earlier}` })];
      }),
  };
}
