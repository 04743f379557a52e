/**
 * The records the returns' rules read, on both engines, read a page at a time (ADR 0067): with pages of two rows, every
 * table gives back exactly the records written, each once, in the order one read of the whole table gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { lookedAfter, merge, registered, world, type SomeRecords } from '../support/returnRecords.js';
import { writeReturnRecords } from '../support/returnsRecordsInDatabase.js';
import { returnsRepository } from '../../src/modules/returns/returnsRepository.js';
import { recordIdField, tableNames, type ReturnRecords, type TableName } from '../../src/modules/returns/records.js';

let database: TestDatabase;
// Ids whose text order is not their number's (C10 before C9), and more records in each paged table than two pages.
const written: SomeRecords[] = [
  world(),
  ...['C1', 'C10', 'C2', 'C9', 'C11'].map((id) => lookedAfter(id)),
  ...['R1', 'R2', 'R30', 'R4', 'R5'].map((id) => registered(id)),
  { reporterReferrals: ['S1', 'S2', 'S3', 'S10', 'S20'].map((id) => ({ scraReferralId: id, childId: 'C1', referralDate: '2021-09-01', ground: 'a' })) },
];

/** Each table's records in the order of their ids, as text. */
function byId(records: ReturnRecords): ReturnRecords {
  const sorted = { ...records };
  for (const table of tableNames) {
    const id = recordIdField[table] as string;
    (sorted[table] as object[]) = [...(records[table] as object[])].sort((a, b) => {
      const [x, y] = [String((a as Record<string, unknown>)[id]), String((b as Record<string, unknown>)[id])];
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  return sorted;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await writeReturnRecords(database.db, ...written);
});

afterAll(async () => {
  await database?.drop();
});

describe(`the returns' records read a page at a time (${engineUnderTest})`, () => {
  it('reads every record written, each once, in pages of two rows as in one page', async () => {
    const read = (pageSize?: number) => database.db.transaction((tx) => returnsRepository(pageSize === undefined ? {} : { pageSize }).records(tx));
    const [inPagesOfTwo, inOnePage] = [await read(2), await read()];
    const paged: TableName[] = ['children', 'cases', 'episodes', 'placements', 'registrations', 'planningMeetings', 'reporterReferrals'];
    for (const table of paged) expect(inPagesOfTwo[table].length, table).toBeGreaterThan(4);
    expect(inPagesOfTwo).toEqual(inOnePage);
    expect(byId(inPagesOfTwo)).toEqual(byId(merge(...written)));
  });
});
