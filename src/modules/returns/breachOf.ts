/** @module A breach for one record of any table: its id and child found the same way for every table. */
import type { Breach } from './rule.js';
import { recordIdField, type ReturnRecords, type TableName } from './records.js';

/** A record of table `T`. */
export type RecordOf<T extends TableName> = ReturnRecords[T][number];

/**
 * The breach for `record` of `table`, with `extra` (fields, issue id, detail) when given.
 * @example breachOf('episodes', episode, { detail: 'open 40 days without a placement' })
 */
export function breachOf<T extends TableName>(table: T, record: RecordOf<T>, extra: Omit<Breach, 'table' | 'recordId' | 'childId'> = {}): Breach {
  const fields = record as unknown as Record<string, unknown>;
  const childId = typeof fields.childId === 'string' ? fields.childId : null;
  return { table, recordId: String(fields[recordIdField[table]]), childId, ...extra };
}
