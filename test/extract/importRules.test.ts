/**
 * @module The importer against a real, migrated database (PGlite, or PostgreSQL when DATABASE_URL is set): every
 * rule of extract-format.md broken on purpose, with the exact problems reported and nothing written.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/testDatabase.js';
import type { Database } from '../../src/db/database.js';
import { auditRepository } from '../../src/modules/audit/auditRepository.js';
import { auditService } from '../../src/modules/audit/auditService.js';
import { extractImportService, type ImportOutcome, type ImportProgress } from '../../src/modules/extract/extractImportService.js';
import { extractRepository } from '../../src/modules/extract/extractRepository.js';
import { formatProblem } from '../../src/modules/extract/extractProblem.js';
import { clearDomain, domainContents, domainCounts, removeExtractFolders, validExtract, writeExtractFolder } from './support/extractFolder.js';

const actor = { kind: 'system', name: 'test' } as const;
let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase());
});
afterAll(async () => {
  await drop();
  await removeExtractFolders();
});
beforeEach(async () => {
  await clearDomain(db);
});

function csv(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

async function importFiles(files: Record<string, string | Uint8Array | undefined>, onProgress?: (progress: ImportProgress) => void): Promise<ImportOutcome> {
  const folder = await writeExtractFolder(files);
  return extractImportService(db, auditService(db, auditRepository())).importFolder(actor, folder, { onProgress });
}

async function importValid(changes: Record<string, string | undefined> = {}): Promise<void> {
  const outcome = await importFiles({ ...validExtract(), ...changes });
  if (!outcome.ok) throw new Error(`expected the import to succeed:\n${outcome.problems.map(formatProblem).join('\n')}`);
}

/** Import, expect a refusal listing exactly `problems`, and check that not one row changed. */
async function expectRefused(files: Record<string, string | Uint8Array | undefined>, problems: string[]): Promise<void> {
  const before = await domainContents(db);
  const outcome = await importFiles(files);
  expect(outcome.ok).toBe(false);
  expect(outcome.ok ? [] : outcome.problems.map(formatProblem)).toEqual(problems);
  expect(await domainContents(db)).toEqual(before);
}

describe('a valid extract', () => {
  it('calls afterEachStage once the extract is checked and after each file is written (cairn import collects garbage there)', async () => {
    const steps: string[] = [];
    const importer = extractImportService(db, auditService(db, auditRepository()), undefined, undefined, () => steps.push('stage'));
    const outcome = await importer.importFolder(actor, '/work/shared/spec/examples/tiny', {
      onProgress: (progress) => {
        const step = `${progress.stage} ${progress.file}`;
        if (progress.stage !== 'reading' && steps.at(-1) !== step) steps.push(step);
      },
    });
    expect(outcome.ok).toBe(true);
    const firstWrite = steps.findIndex((step) => step.startsWith('writing'));
    expect(steps.slice(firstWrite - 2, firstWrite)).toEqual(['checking scra_referrals.csv', 'stage']);
    expect(steps.filter((step) => step.startsWith('checking')).length).toBe(10);
    // Each file written is followed by a stage, before the next file's rows are written.
    expect(steps.slice(firstWrite)).toEqual(
      ['authority', 'population', 'children', 'providers', 'looked_after', 'placements', 'cases', 'referrals', 'cp_registrations', 'scra_referrals'].flatMap(
        (file) => [`writing ${file}.csv`, 'stage'],
      ),
    );
  });

  it('imports the spec example, tiny, and counts what it added', async () => {
    const outcome = await extractImportService(db, auditService(db, auditRepository())).importFolder(actor, '/work/shared/spec/examples/tiny');
    expect(outcome).toMatchObject({ ok: true, rows: 26 });
    expect(await domainCounts(db)).toEqual({
      placements: 3,
      looked_after_episodes: 3,
      providers: 2,
      cases: 3,
      referrals: 3,
      cp_registrations: 2,
      scra_referrals: 3,
      children: 4,
      families: 1,
      population: 2,
      benchmarks: 0,
      authority: 1,
    });
  });

  it('stores each kind of value as written', async () => {
    await importValid();
    expect(await db.query('select placement_id, episode_id, child_id, start_date, end_date, placement_type, provider_id, out_of_authority, weekly_cost from placements order by placement_id')).toEqual([
      { placement_id: 'P1', episode_id: 'E1', child_id: 'A', start_date: '2019-01-01', end_date: '2020-10-01', placement_type: 'foster_purchased', provider_id: 'X', out_of_authority: true, weekly_cost: 700 },
      { placement_id: 'P2', episode_id: 'E1', child_id: 'A', start_date: '2020-10-01', end_date: '2021-07-31', placement_type: 'kinship', provider_id: null, out_of_authority: false, weekly_cost: null },
      { placement_id: 'P3', episode_id: 'E2', child_id: 'C', start_date: '2020-09-01', end_date: null, placement_type: 'la_home', provider_id: 'LA', out_of_authority: false, weekly_cost: 2000.5 },
    ]);
    expect(await db.query('select registration_id, concerns from cp_registrations order by 1')).toEqual([
      { registration_id: 'R1', concerns: ['neglect'] },
      { registration_id: 'R2', concerns: ['neglect', 'domestic_abuse'] },
    ]);
    expect(await db.query('select * from benchmarks order by area')).toEqual([
      { year: 2020, indicator: 'lac.rate_per_1000', area: 'family_group', value: -0.5 },
      { year: 2020, indicator: 'lac.rate_per_1000', area: 'scotland', value: 13.9 },
    ]);
    expect(await db.query('select family_id from families')).toEqual([{ family_id: 'F1' }]);
    expect(await db.query('select child_id, family_id, disability, locality from children order by 1')).toEqual([
      { child_id: 'A', family_id: 'F1', disability: 'N', locality: null },
      { child_id: 'B', family_id: 'F1', disability: 'U', locality: null },
      { child_id: 'C', family_id: null, disability: null, locality: null },
    ]);
  });

  it('reads a byte-order mark, CRLF line ends, headers in any case and order, and quoted commas, quotes and line breaks', async () => {
    const crlf = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const children = Buffer.concat([
      bom,
      Buffer.from(
        crlf(
          'Date_Of_Birth,SURNAME,Child_ID,Forename',
          '2012-03-04,"Boyd, Jr",A,"Ailsa ""Ally"""',
          '2009-07-08,Kerr,C,Zoë',
        ),
        'utf8',
      ),
    ]);
    const referrals = crlf('referral_id,child_id,received_date,pathway,reason', 'RF1,A,2021-05-01,family_first,"Two lines:\r\nattendance, and lateness"', 'RF2,C,2021-06-01,signposted,');
    const outcome = await importFiles({ 'children.csv': children, 'referrals.csv': referrals });
    expect(outcome).toMatchObject({ ok: true, rows: 4 });
    expect(await db.query('select child_id, forename, surname, date_of_birth from children order by 1')).toEqual([
      { child_id: 'A', forename: 'Ailsa "Ally"', surname: 'Boyd, Jr', date_of_birth: '2012-03-04' },
      { child_id: 'C', forename: 'Zoë', surname: 'Kerr', date_of_birth: '2009-07-08' },
    ]);
    expect(await db.query('select referral_id, reason from referrals order by 1')).toEqual([
      { referral_id: 'RF1', reason: 'Two lines:\r\nattendance, and lateness' },
      { referral_id: 'RF2', reason: null },
    ]);
  });

  it('allows a zero-length record and placements that meet: an end date is the first day a record no longer holds', async () => {
    await importValid({
      'cases.csv': csv('case_id,child_id,opened_date,closed_date', 'K1,A,2021-01-01,2021-01-01'),
      'placements.csv': csv(
        'placement_id,episode_id,child_id,start_date,end_date,placement_type',
        'P1,E1,A,2019-01-01,2020-10-01,foster_purchased',
        'P2,E1,A,2020-10-01,2021-07-31,kinship',
        'P0,E1,A,2020-10-01,2020-10-01,crisis_care',
      ),
    });
    expect(await domainCounts(db)).toMatchObject({ placements: 3, cases: 1 });
  });

  it('reports progress through reading, checking and writing', async () => {
    const seen: ImportProgress[] = [];
    await importFiles(validExtract(), (progress) => seen.push(progress));
    expect([...new Set(seen.map((progress) => progress.stage))]).toEqual(['reading', 'checking', 'writing']);
    expect(seen.filter((progress) => progress.stage === 'reading').at(-1)).toMatchObject({ done: 11, total: 11 });
    expect(seen.filter((progress) => progress.stage === 'writing').at(-1)).toMatchObject({ done: 21, total: 21 });
  });
});

describe('importing again', () => {
  it('leaves the database as after one import, and says every row is unchanged', async () => {
    await importValid();
    const once = await domainContents(db);
    const outcome = await importFiles(validExtract());
    expect(await domainContents(db)).toEqual(once);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(Object.keys(outcome.summary)).toHaveLength(11);
    for (const [file, counts] of Object.entries(outcome.summary)) {
      expect({ file, added: counts.added, updated: counts.updated }).toEqual({ file, added: 0, updated: 0 });
    }
    expect(outcome.summary['children.csv']).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(outcome.summary['placements.csv']).toEqual({ added: 0, updated: 0, unchanged: 3 });
  });

  it('updates a changed row, adds a new one, and deletes nothing that the extract leaves out', async () => {
    await importValid();
    const outcome = await importFiles({
      'children.csv': csv(
        'child_id,family_id,forename,surname,date_of_birth,sex,disability,school_cluster',
        'A,F1,Ailsa,Boyd,2012-03-04,F,N,South',
        'B,F1,Rory,Boyd,2014-05-06,M,U,North',
        'D,F2,Euan,Muir,2016-01-02,M,,',
      ),
      'placements.csv': csv(
        'placement_id,episode_id,child_id,start_date,end_date,placement_type,provider_id,out_of_authority,weekly_cost',
        'P1,E1,A,2019-01-01,2020-10-01,foster_purchased,X,Y,700.00',
        'P3,E2,C,2020-09-01,,la_home,LA,N,2100',
      ),
    });
    expect(outcome).toMatchObject({
      ok: true,
      summary: { 'children.csv': { added: 1, updated: 1, unchanged: 1 }, 'placements.csv': { added: 0, updated: 1, unchanged: 1 } },
    });
    expect(await domainCounts(db)).toMatchObject({ children: 4, families: 2, placements: 3, cases: 2 });
    expect(await db.query(`select school_cluster from children where child_id = 'A'`)).toEqual([{ school_cluster: 'South' }]);
    expect(await db.query(`select weekly_cost from placements where placement_id = 'P3'`)).toEqual([{ weekly_cost: 2100 }]);
  });

  it('lets a re-import move a placement and its episode together, checking the records as they will be', async () => {
    await importValid();
    // The episode now starts later, and its first placement moves with it; P2 (in the database) still fits.
    await importValid({
      'looked_after.csv': csv('episode_id,child_id,start_date,end_date,legal_reason', 'E1,A,2019-02-01,2021-07-31,cso_away'),
      'placements.csv': csv('placement_id,episode_id,child_id,start_date,end_date,placement_type', 'P1,E1,A,2019-02-01,2020-10-01,foster_purchased'),
    });
    expect(await db.query(`select start_date from placements where placement_id = 'P1'`)).toEqual([{ start_date: '2019-02-01' }]);
  });

  it('writes one audit event for an import and one for a refusal', async () => {
    const events = async () => db.query<{ action: string; actor: string; details: Record<string, unknown> }>(`select action, actor, details from audit_events where actor = 'system:test' order by event_id`);
    const before = (await events()).length;
    await importValid();
    await importFiles({ ...validExtract(), 'cases.csv': csv('case_id,child_id,opened_date', 'K1,Z,2021-01-01') });
    const [completed, refused] = (await events()).slice(before);
    expect(completed).toMatchObject({ action: 'import.completed', details: { rows: 21, summary: { 'children.csv': { added: 3, updated: 0, unchanged: 0 } } } });
    expect(completed.details.folder).toMatch(/^cairn-extract-/);
    expect(refused).toMatchObject({ action: 'import.refused', details: { problems: 1 } });
  });
});

describe('the folder and its files', () => {
  it('refuses an extract without children.csv, and a file the format does not know', async () => {
    await expectRefused({ ...validExtract(), 'children.csv': undefined, 'childs.csv': validExtract()['children.csv'], 'README.txt': 'notes' }, [
      'children.csv:0: -: is missing: every extract must have children.csv',
      'childs.csv:0: -: is not a file of the extract format, and its rows would be lost: rename it to one of authority.csv, population.csv, children.csv, cases.csv, referrals.csv, looked_after.csv, placements.csv, providers.csv, cp_registrations.csv, scra_referrals.csv or benchmarks.csv, or move it out of the folder',
    ]);
  });

  it('imports a folder holding only children.csv: an absent file means no records of that kind', async () => {
    await importValid();
    const outcome = await importFiles({ 'children.csv': validExtract()['children.csv'] });
    expect(outcome).toMatchObject({ ok: true, summary: { 'children.csv': { unchanged: 3 } } });
    expect(await domainCounts(db)).toMatchObject({ placements: 3, cases: 2, authority: 1 });
  });

  it('matches file names without regard to case', async () => {
    const { 'children.csv': children } = validExtract();
    const outcome = await importFiles({ 'Children.CSV': children });
    expect(outcome).toMatchObject({ ok: true, summary: { 'children.csv': { added: 3 } } });
    await expectRefused({ 'CHILDREN.csv': children, 'children.csv': children }, [
      'children.csv:0: -: is the same file as CHILDREN.csv (names are not case-sensitive): keep one',
    ]);
  });

  it('refuses an empty file, a file that is not UTF-8, and an authority.csv without exactly one row', async () => {
    await expectRefused(
      {
        ...validExtract(),
        'cases.csv': '',
        'providers.csv': Buffer.concat([Buffer.from('provider_id,name,provider_type\nX,Fostering Ltd,private\n'), Buffer.from([0x4d, 0xfc, 0x6c, 0x6c]), Buffer.from(',private\n')]),
        'authority.csv': csv('authority_code,authority_name', 'S12000999,Tinyshire', 'S12000028,South Ayrshire'),
        'population.csv': csv('year,age_0_17'),
      },
      [
        'authority.csv:3: -: is a second authority: authority.csv must have exactly one row',
        'cases.csv:0: -: is empty: its first line must be the header, naming its columns',
        'providers.csv:3: -: is not UTF-8 (the first character that is not is on this line): save the file as UTF-8',
      ],
    );
    await expectRefused({ ...validExtract(), 'authority.csv': csv('authority_code,authority_name') }, [
      'authority.csv:0: -: has no rows: it must have exactly one, the authority the extract belongs to',
    ]);
  });

  it('refuses an extract for another authority than the one the database belongs to', async () => {
    await importValid();
    await expectRefused({ ...validExtract(), 'authority.csv': csv('authority_code,authority_name', 'S12000028,South Ayrshire') }, [
      'authority.csv:2: authority_code: is S12000028, but this database belongs to S12000999 (Tinyshire): is this the right extract, and the right database?',
    ]);
  });
});

describe('headers and rows', () => {
  it('refuses unknown, repeated, unnamed and missing columns, all at once', async () => {
    await expectRefused(
      {
        'children.csv': csv('child_id,forname,surname,Surname,date_of_birth', 'A,Ailsa,Boyd,Boyd,2012-03-04'),
        'cases.csv': csv('case_id,child_id,team,', 'K1,A,Family First,'),
      },
      [
        'children.csv:1: forname: is not a column of children.csv: its columns are child_id, family_id, forename, surname, date_of_birth, sex, ethnicity, disability, school_cluster or locality',
        'children.csv:1: Surname: is in the header twice (columns 3 and 4)',
        'cases.csv:1: -: column 4 of the header has no name',
        'cases.csv:1: opened_date: is a required column but is not in the header',
      ],
    );
  });

  it('refuses rows with the wrong number of cells, and malformed quoting, naming each line', async () => {
    await expectRefused(
      {
        ...validExtract(),
        'cases.csv': csv('case_id,child_id,team,worker_id,opened_date,closed_date', 'K1,A,Family First,W1,2018-12-01,,', 'K2,C,"Children, and Families",W2,2020-08-15', 'K3,C,Team "North",W3,2020-08-15,'),
      },
      [
        'cases.csv:2: -: has 7 cells but the header has 6: is a comma missing, extra or unquoted?',
        'cases.csv:3: -: has 5 cells but the header has 6: is a comma missing, extra or unquoted?',
        'cases.csv:4: -: has a " inside a cell that does not start with one: quote the whole cell and double the " ("")',
      ],
    );
  });

  it('refuses empty required cells', async () => {
    await expectRefused(
      {
        ...validExtract(),
        'children.csv': csv('child_id,date_of_birth,surname', ',2012-03-04,Boyd', 'A,,Boyd', 'B,2014-05-06,', 'C,2009-07-08,Kerr'),
        'providers.csv': csv('provider_id,name,provider_type', 'X,,private', 'LA,Tinyshire Council,local_authority'),
      },
      [
        'children.csv:2: child_id: is required but empty',
        'children.csv:3: date_of_birth: is required but empty',
        'providers.csv:2: name: is required but empty',
      ],
    );
  });

  it('refuses duplicate ids on the later line, naming the earlier one', async () => {
    await expectRefused(
      {
        ...validExtract(),
        'children.csv': csv('child_id,date_of_birth', 'A,2012-03-04', 'B,2014-05-06', 'C,2009-07-08', 'A,2012-03-04'),
        'population.csv': csv('year,age_0_17', '2020,1000', '2020,1001'),
        'benchmarks.csv': csv('year,indicator,area,value', '2020,lac.count,scotland,1', '2020,lac.count,Scotland,1', '2020,lac.count,scotland,2'),
      },
      [
        'population.csv:3: year: 2020 is already on line 2: ids must be unique within a file',
        'children.csv:5: child_id: A is already on line 2: ids must be unique within a file',
        'benchmarks.csv:4: -: year 2020, indicator lac.count, area scotland are already on line 2',
      ],
    );
  });
});

describe('cells', () => {
  it('refuses bad and impossible dates, and ends before starts', async () => {
    await expectRefused(
      {
        ...validExtract(),
        'children.csv': csv('child_id,date_of_birth', 'A,2012-03-04', 'B,2021-02-30', 'C,04/03/2009'),
        'cases.csv': csv('case_id,child_id,opened_date,closed_date', 'K1,A,2018-12-01,2018-11-30', 'K2,A,2019-02-29,'),
      },
      [
        'children.csv:3: date_of_birth: "2021-02-30" is not a real date',
        'children.csv:4: date_of_birth: "04/03/2009" is not a date written YYYY-MM-DD',
        'cases.csv:2: closed_date: 2018-11-30 is before opened_date 2018-12-01',
        'cases.csv:3: opened_date: "2019-02-29" is not a real date',
      ],
    );
  });

  it('refuses codes not as listed, bad money, bad flags, bad ids and bad numbers', async () => {
    await expectRefused(
      {
        ...validExtract(),
        'population.csv': csv('year,age_0_17', '2020,1 000'),
        'children.csv': csv('child_id,date_of_birth,sex,disability', 'A,2012-03-04,Female,Y', 'B,2014-05-06,M,yes', 'C,2009-07-08,F,N', 'D 4,2009-07-08,F,N'),
        'placements.csv': csv(
          'placement_id,episode_id,child_id,start_date,end_date,placement_type,provider_id,out_of_authority,weekly_cost',
          'P1,E1,A,2019-01-01,2020-10-01,fostering,X,Yes,£700',
          'P2,E1,A,2020-10-01,2021-07-31,kinship,,N,700.005',
        ),
        'cp_registrations.csv': csv('registration_id,child_id,registered_date,concerns', 'R1,B,2019-06-01,neglect;bullying'),
        'scra_referrals.csv': csv('scra_referral_id,child_id,referral_date,ground', 'S1,A,2020-05-01,r', 'S2,A,2020-05-01,J'),
        'benchmarks.csv': csv('year,indicator,area,value', '20,lac.count,scotland,n/a'),
        'referrals.csv': csv('referral_id,child_id,received_date,source,pathway', 'RF1,A,2021-05-01,school,family_first', 'RF2,A,2021-05-01,education,Family First'),
      },
      [
        'population.csv:2: age_0_17: "1 000" is not a whole number of 0 or more',
        'children.csv:2: sex: "Female" is not a sex: use M, F, X or U',
        'children.csv:3: disability: "yes" is not a disability: use Y, N or U',
        'children.csv:5: child_id: "D 4" is not an id: use only letters, digits, -, _, . and /',
        'referrals.csv:2: source: "school" is not a referral source: use one of education, police, health, self_or_family, social_work, scra, third_sector or other',
        'referrals.csv:3: pathway: "Family First" is not a pathway: use family_first, social_work_assessment, signposted or no_further_action',
        'placements.csv:2: placement_type: "fostering" is not a placement type: use one of at_home, kinship, foster_la, foster_purchased, prospective_adopters, other_community, la_home, voluntary_home, residential_school, secure, crisis_care or other_residential',
        'placements.csv:2: out_of_authority: "Yes" must be Y or N',
        'placements.csv:2: weekly_cost: "£700" is not an amount of money: write pounds with up to two decimals and no currency sign, like 1068.38',
        'placements.csv:3: weekly_cost: "700.005" is not an amount of money: write pounds with up to two decimals and no currency sign, like 1068.38',
        'cp_registrations.csv:2: concerns: "bullying" is not an area of concern: use one of domestic_abuse, neglect, parental_mental_health, parental_drug_misuse, parental_alcohol_misuse, emotional_abuse, physical_abuse, sexual_abuse, child_sexual_exploitation, child_trafficking, non_engaging_family, placing_self_at_risk or other',
        'scra_referrals.csv:2: ground: "r" is not a section 67(2) ground: use one of a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p or q',
        'scra_referrals.csv:3: ground: "J" is not a section 67(2) ground: use one of a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p or q',
        'benchmarks.csv:2: year: "20" is not a year between 1900 and 2199',
        'benchmarks.csv:2: value: "n/a" is not a number (write it like 12.5, without commas or signs other than -)',
      ],
    );
  });
});

describe('references', () => {
  it('refuses references that resolve neither in the extract nor in the database', async () => {
    await expectRefused(
      {
        ...validExtract(),
        'cases.csv': csv('case_id,child_id,opened_date', 'K1,Z,2021-01-01'),
        'placements.csv': csv(
          'placement_id,episode_id,child_id,start_date,end_date,placement_type,provider_id',
          'P1,E9,A,2019-01-01,2019-02-01,kinship,',
          'P2,E2,C,2020-09-01,,la_home,Q',
          'P3,E2,A,2020-09-01,2020-09-01,la_home,',
        ),
      },
      [
        'cases.csv:2: child_id: there is no child Z in children.csv or in the database',
        'placements.csv:2: episode_id: there is no episode E9 in looked_after.csv or in the database',
        'placements.csv:3: provider_id: there is no provider Q in providers.csv or in the database',
        "placements.csv:4: child_id: is A, but episode E2 is child C's: a placement's child must be its episode's",
      ],
    );
  });

  it('resolves references against the database, and refuses those that are in neither', async () => {
    await importValid();
    const childrenOnly = csv('child_id,date_of_birth', 'D,2016-01-02');
    const outcome = await importFiles({
      'children.csv': childrenOnly,
      'cases.csv': csv('case_id,child_id,opened_date', 'K9,A,2021-01-01', 'K10,D,2021-01-01'),
      'placements.csv': csv('placement_id,episode_id,child_id,start_date,end_date,placement_type,provider_id', 'P4,E2,C,2020-08-01,2020-09-01,la_home,X'),
    });
    expect(outcome.ok ? [] : outcome.problems.map(formatProblem)).toEqual(['placements.csv:2: start_date: 2020-08-01 is before its episode E2 starts (2020-09-01)']);
    await expectRefused({ 'children.csv': childrenOnly, 'scra_referrals.csv': csv('scra_referral_id,child_id,referral_date,ground', 'S9,Y,2021-01-01,a') }, [
      'scra_referrals.csv:2: child_id: there is no child Y in children.csv or in the database',
    ]);
    await importValid({
      'children.csv': childrenOnly,
      'cases.csv': csv('case_id,child_id,opened_date', 'K9,A,2021-01-01', 'K10,D,2021-01-01'),
      'placements.csv': csv('placement_id,episode_id,child_id,start_date,end_date,placement_type,provider_id', 'P3,E2,C,2020-09-01,2021-01-01,la_home,LA', 'P4,E2,C,2021-01-01,,la_home,X'),
    });
    expect(await domainCounts(db)).toMatchObject({ children: 4, cases: 4, placements: 4 });
  });
});

describe('placements and episodes', () => {
  it('refuses placements outside their episode', async () => {
    await expectRefused(
      {
        ...validExtract(),
        'placements.csv': csv(
          'placement_id,episode_id,child_id,start_date,end_date,placement_type',
          'P1,E1,A,2018-12-31,2020-10-01,foster_purchased',
          'P2,E1,A,2020-10-01,2021-08-01,kinship',
          'P3,E2,C,2020-09-01,,la_home',
        ),
      },
      ['placements.csv:2: start_date: 2018-12-31 is before its episode E1 starts (2019-01-01)', 'placements.csv:3: end_date: 2021-08-01 is after its episode E1 ended (2021-07-31)'],
    );
    await expectRefused({ ...validExtract(), 'placements.csv': csv('placement_id,episode_id,child_id,start_date,end_date,placement_type', 'P2,E1,A,2020-10-01,,kinship') }, [
      'placements.csv:2: end_date: is empty (still open), but its episode E1 ended on 2021-07-31',
    ]);
  });

  it('refuses overlapping placements for one child', async () => {
    await expectRefused(
      {
        ...validExtract(),
        'placements.csv': csv(
          'placement_id,episode_id,child_id,start_date,end_date,placement_type',
          'P1,E1,A,2019-01-01,2020-10-02,foster_purchased',
          'P2,E1,A,2020-10-01,2021-07-31,kinship',
          'P3,E2,C,2020-09-01,,la_home',
          'P4,E2,C,2021-01-01,2021-02-01,la_home',
        ),
      },
      [
        'placements.csv:3: start_date: 2020-10-01 is inside placement P1 (line 2, 2019-01-01 to 2020-10-02): child A can be in only one placement at a time',
        'placements.csv:5: start_date: 2021-01-01 is inside placement P3 (line 4, 2020-09-01 to open): child C can be in only one placement at a time',
      ],
    );
  });

  it('checks overlaps against the placements already in the database, unless the extract replaces them', async () => {
    await importValid();
    const header = 'placement_id,episode_id,child_id,start_date,end_date,placement_type';
    await expectRefused({ 'children.csv': csv('child_id,date_of_birth'), 'placements.csv': csv(header, 'P9,E1,A,2020-06-01,2020-07-01,secure') }, [
      'placements.csv:2: start_date: 2020-06-01 is inside placement P1 (already in the database, 2019-01-01 to 2020-10-01): child A can be in only one placement at a time',
    ]);
    await expectRefused({ 'children.csv': csv('child_id,date_of_birth'), 'placements.csv': csv(header, 'P0,E1,A,2020-09-01,2020-11-01,secure') }, [
      'placements.csv:2: start_date: 2020-09-01 is inside placement P1 (already in the database, 2019-01-01 to 2020-10-01): child A can be in only one placement at a time',
      'placements.csv:2: end_date: 2020-11-01 overlaps placement P2 (already in the database, 2020-10-01 to 2021-07-31): child A can be in only one placement at a time',
    ]);
    // P1 shortened by the same extract: P9 now fits in the gap.
    await importValid({
      'children.csv': csv('child_id,date_of_birth'),
      'placements.csv': csv(header, 'P1,E1,A,2019-01-01,2020-06-01,foster_purchased', 'P9,E1,A,2020-06-01,2020-10-01,secure'),
    });
    expect(await domainCounts(db)).toMatchObject({ placements: 4 });
  });

  it('refuses an episode that would no longer hold the placements the database has for it', async () => {
    await importValid();
    await expectRefused(
      {
        'children.csv': csv('child_id,date_of_birth'),
        'looked_after.csv': csv('episode_id,child_id,start_date,end_date,legal_reason', 'E1,A,2019-02-01,2021-06-30,cso_away', 'E2,C,2020-09-01,2021-01-01,s25_voluntary'),
      },
      [
        'looked_after.csv:2: start_date: 2019-02-01 is after placement P1 (already in the database) starts (2019-01-01)',
        'looked_after.csv:2: end_date: 2021-06-30 is before placement P2 (already in the database) ends (2021-07-31)',
        'looked_after.csv:3: end_date: 2021-01-01 would end the episode while placement P3 (already in the database) is still open',
      ],
    );
    await expectRefused({ 'children.csv': csv('child_id,date_of_birth'), 'looked_after.csv': csv('episode_id,child_id,start_date,legal_reason', 'E2,B,2020-09-01,s25_voluntary') }, [
      "looked_after.csv:2: child_id: is B, but episode E2 is child C's in the database and has placements there (P3): an episode with placements cannot move to another child",
    ]);
  });
});

describe('every problem at once', () => {
  it('lists problems from every file, in file and line order, and writes nothing', async () => {
    await importValid();
    const counts = await domainCounts(db);
    await expectRefused(
      {
        ...validExtract(),
        'children.csv': csv('child_id,date_of_birth,sex', 'A,2012-03-04,F', 'B,2014-13-06,M', 'C,2009-07-08,F', 'A,2012-03-04,F'),
        'placements.csv': csv('placement_id,episode_id,child_id,start_date,end_date,placement_type,weekly_cost', 'P1,E1,A,2019-01-01,2020-10-01,foster_purchased,£1', 'P2,E1,B,2020-10-01,2021-07-31,kinship,'),
        'scra_referrals.csv': csv('scra_referral_id,child_id,referral_date,ground', 'S1,Q,2020-05-01,j'),
        'extra.csv': 'x\n',
      },
      [
        'children.csv:3: date_of_birth: "2014-13-06" is not a real date',
        'children.csv:5: child_id: A is already on line 2: ids must be unique within a file',
        'placements.csv:2: weekly_cost: "£1" is not an amount of money: write pounds with up to two decimals and no currency sign, like 1068.38',
        "placements.csv:3: child_id: is B, but episode E1 is child A's: a placement's child must be its episode's",
        'scra_referrals.csv:2: child_id: there is no child Q in children.csv or in the database',
        'extra.csv:0: -: is not a file of the extract format, and its rows would be lost: rename it to one of authority.csv, population.csv, children.csv, cases.csv, referrals.csv, looked_after.csv, placements.csv, providers.csv, cp_registrations.csv, scra_referrals.csv or benchmarks.csv, or move it out of the folder',
      ],
    );
    expect(await domainCounts(db)).toEqual(counts);
  });

  it('writes nothing into an empty database when refused', async () => {
    await expectRefused({ ...validExtract(), 'scra_referrals.csv': csv('scra_referral_id,child_id,referral_date,ground', 'S1,A,2020-05-01,z') }, [
      'scra_referrals.csv:2: ground: "z" is not a section 67(2) ground: use one of a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p or q',
    ]);
    expect(Object.values(await domainCounts(db)).every((count) => count === 0)).toBe(true);
  });
});

describe('the database as a backstop', () => {
  it('reports a constraint the checks missed as a problem, and rolls everything back', async () => {
    await importValid();
    const before = await domainContents(db);
    // A repository that hides the stored placements from the checks, so only the database sees the overlap.
    const real = extractRepository();
    const blind = { ...real, databaseState: async (...args: Parameters<typeof real.databaseState>) => ({ ...(await real.databaseState(...args)), placements: [] }) };
    const folder = await writeExtractFolder({
      'children.csv': csv('child_id,date_of_birth', 'N,2020-01-01'),
      'placements.csv': csv('placement_id,episode_id,child_id,start_date,end_date,placement_type', 'P9,E1,A,2020-06-01,2020-07-01,secure'),
    });
    const outcome = await extractImportService(db, auditService(db, auditRepository()), blind).importFolder(actor, folder);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.problems.map(formatProblem)).toEqual([expect.stringMatching(/^placements\.csv:0: -: the database refused the import: .*placements_no_overlap/)]);
    expect(await domainContents(db)).toEqual(before);
  });

  it('still refuses a placement outside its episode when the checks missed it, though the import checks placements once', async () => {
    await importValid();
    const before = await domainContents(db);
    // A repository that tells the checks episode E1 began long ago, so only the database sees the placement before it.
    const real = extractRepository();
    const blind = {
      ...real,
      databaseState: async (...args: Parameters<typeof real.databaseState>) => {
        const state = await real.databaseState(...args);
        const episodes = new Map([...state.episodes].map(([id, episode]) => [id, { ...episode, start_date: '2000-01-01' }]));
        return { ...state, episodes };
      },
    };
    const folder = await writeExtractFolder({
      'children.csv': csv('child_id,date_of_birth', 'N,2020-01-01'),
      'placements.csv': csv('placement_id,episode_id,child_id,start_date,end_date,placement_type', 'P8,E1,A,2018-06-01,2018-07-01,secure'),
    });
    const outcome = await extractImportService(db, auditService(db, auditRepository()), blind).importFolder(actor, folder);
    expect(outcome.ok ? [] : outcome.problems.map(formatProblem)).toEqual([expect.stringMatching(/^placements\.csv:0: -: the database refused the import: placement P8 lies outside its episode E1/)]);
    expect(await domainContents(db)).toEqual(before);
  });
});
