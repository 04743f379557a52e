/**
 * Building the looked after (CLAS) and child protection returns from a small extract, on both engines: every file's
 * rows counted by hand, the codes mapped by the year's code map, and the totals reconciled with the indicators.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { returnsService } from '../../src/modules/returns/returnsService.js';
import { ReturnRefusedError } from '../../src/modules/returns/buildReturn.js';
import { aPlacement, lookedAfter, registered, world } from '../support/returnRecords.js';
import { writeReturnRecords } from '../support/returnsRecordsInDatabase.js';

const today = '2022-09-30';
const csvRows = (text: string) => text.trim().split('\n').slice(1).map((line) => line.split(','));

describe(`building a return (${engineUnderTest})`, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await writeReturnRecords(database.db,
      world(),
      // A: looked after all year, in council foster care. On 31 July 2022: looked after.
      lookedAfter('A'),
      // B: looked after 1 September 2021 – 1 March 2022 (voluntarily), with kinship carers then council foster carers.
      lookedAfter('B', {
        episode: { startDate: '2021-09-01', endDate: '2022-03-01', legalReason: 's25_voluntary', reasonEnded: 'home_with_parents' },
        placements: [
          aPlacement('P-B1', 'B', { startDate: '2021-09-01', endDate: '2021-12-01', placementType: 'kinship', providerId: null, weeklyCost: null }),
          aPlacement('P-B2', 'B', { startDate: '2021-12-01', endDate: '2022-03-01' }),
        ],
      }),
      // C: stopped being looked after before the year began: not in the return.
      lookedAfter('C', { episode: { startDate: '2020-01-01', endDate: '2021-06-01', reasonEnded: 'home_with_parents' } }),
      // D: looked after at home from 1 May 2022. On 31 July 2022: looked after.
      lookedAfter('D', { episode: { startDate: '2022-05-01', legalReason: 'cso_home' }, placement: { placementType: 'at_home', providerId: null, weeklyCost: null } }),
      // E: registered 1 October 2021 for neglect and domestic abuse; still registered on 31 July 2022.
      registered('E', { registration: { concerns: ['neglect', 'domestic_abuse'] } }),
      // F: registered before the year, reviewed in September, de-registered 1 November 2021.
      registered('F', {
        registration: { registeredDate: '2021-03-01', deregisteredDate: '2021-11-01', deregistrationReason: 'improved_home_situation' },
        meetings: [{ meetingId: 'M-F-review', childId: 'F', meetingDate: '2021-09-01', kind: 'review', decision: 'continue_registration' }],
      }),
      // G: off the register before the year began.
      registered('G', { registration: { registeredDate: '2020-01-01', deregisteredDate: '2021-02-01', deregistrationReason: 'moved_away' }, meetings: [] }),
    );
  });
  afterAll(() => database.drop());

  it('writes the looked after return: one file per record level, counted by hand, agreeing with lac.count', async () => {
    const built = await returnsService(database.db).build('clas', { year: '2021-22', today });
    expect(built.manifest.files.map((file) => [file.name, file.rows])).toEqual([['children.csv', 3], ['episodes.csv', 3], ['legal_reasons.csv', 3], ['placements.csv', 4]]);
    expect(built.manifest.reconciliation).toEqual({ indicator: 'lac.count', census: '2022-07-31', fromIndicator: 2, fromReturn: 2, agrees: true });
    expect({ pack: built.manifest.rulePack, codeMap: built.manifest.codeMap, year: built.manifest.year }).toEqual({ pack: '2021-22', codeMap: '2020-21', year: '2021-22' });
    expect(csvRows(built.files['children.csv']!)).toEqual([
      ['A', '2012-05-06', '2', 'white_scottish', '2', 'Y'],
      ['B', '2012-05-06', '2', 'white_scottish', '2', 'N'],
      ['D', '2012-05-06', '2', 'white_scottish', '2', 'Y'],
    ]);
    expect(csvRows(built.files['episodes.csv']!)).toEqual([['A', 'E-A', '2021-01-01', '', ''], ['B', 'E-B', '2021-09-01', '2022-03-01', '11'], ['D', 'E-D', '2022-05-01', '', '']]);
    expect(csvRows(built.files['legal_reasons.csv']!).map((row) => row[2])).toEqual(['12', '31', '11']);
    expect(csvRows(built.files['placements.csv']!).map((row) => [row[2], row[5], row[6], row[7]])).toEqual([['P-A', '22', '1', 'N'], ['P-B1', '21', '', 'N'], ['P-B2', '22', '1', 'N'], ['P-D', '11', '', 'N']]);
    expect(JSON.parse(built.files['manifest.json']!)).toEqual(built.manifest);
  });

  it('writes the child protection return, agreeing with cp.registered', async () => {
    const built = await returnsService(database.db).build('cp', { year: '2021-22', today });
    expect(built.manifest.files.map((file) => [file.name, file.rows])).toEqual([['registrations.csv', 2], ['concerns.csv', 2], ['meetings.csv', 3], ['register.csv', 1]]);
    expect(built.manifest.reconciliation).toEqual({ indicator: 'cp.registered', census: '2022-07-31', fromIndicator: 1, fromReturn: 1, agrees: true });
    expect(csvRows(built.files['registrations.csv']!)).toEqual([['E', 'R-E', '2021-10-01', '', '', 'Y'], ['F', 'R-F', '2021-03-01', '2021-11-01', '1', 'N']]);
    expect(csvRows(built.files['concerns.csv']!)).toEqual([['E', 'R-E', '01'], ['E', 'R-E', '02']]);
    expect(csvRows(built.files['meetings.csv']!).map((row) => row[1])).toEqual(['M-E-initial', 'M-E-review', 'M-F-review']);
  });

  it('refuses while an error rule fails, naming the rules, and builds again once the record is corrected', async () => {
    await database.db.query("update placements set placement_type = 'foster_la' where placement_id = 'P-D'");
    const refused = await returnsService(database.db).build('clas', { year: '2021-22', today }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ReturnRefusedError);
    expect((refused as ReturnRefusedError).message).toContain('2 errors (E102)');
    await database.db.query("update placements set placement_type = 'at_home' where placement_id = 'P-D'");
    expect((await returnsService(database.db).build('clas', { year: '2021-22', today })).manifest.reconciliation.agrees).toBe(true);
  });
});
