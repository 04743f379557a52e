/** @module Test support for the importer: extract folders written to a temp dir, and what the domain tables hold. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queryable } from '../../../src/db/database.js';

/** Every table an import may write, in an order safe for deleting. */
export const domainTables = [
  'placements',
  'looked_after_episodes',
  'providers',
  'cases',
  'referrals',
  'cp_registrations',
  'scra_referrals',
  'children',
  'families',
  'population',
  'benchmarks',
  'authority',
] as const;

const folders: string[] = [];

/**
 * A small, fictional, valid extract to start from: each test breaks one thing.
 * @example await writeExtractFolder({ ...validExtract(), 'cases.csv': 'case_id,child_id,opened_date\nK1,Z,2021-01-01\n' })
 */
export function validExtract(): Record<string, string> {
  return {
    'authority.csv': 'authority_code,authority_name\nS12000999,Tinyshire\n',
    'population.csv': 'year,age_0_17\n2020,1000\n2021,2000\n',
    'children.csv': [
      'child_id,family_id,forename,surname,date_of_birth,sex,disability,school_cluster',
      'A,F1,Ailsa,Boyd,2012-03-04,F,N,North',
      'B,F1,Rory,Boyd,2014-05-06,M,U,North',
      'C,,Isla,Kerr,2009-07-08,F,,South',
      '',
    ].join('\n'),
    'providers.csv': 'provider_id,name,provider_type\nX,Private Fostering Ltd,private\nLA,Tinyshire Council,local_authority\n',
    'looked_after.csv': [
      'episode_id,child_id,start_date,end_date,legal_reason,reason_ended',
      'E1,A,2019-01-01,2021-07-31,cso_away,home_with_parents',
      'E2,C,2020-09-01,,s25_voluntary,',
      '',
    ].join('\n'),
    'placements.csv': [
      'placement_id,episode_id,child_id,start_date,end_date,placement_type,provider_id,out_of_authority,weekly_cost',
      'P1,E1,A,2019-01-01,2020-10-01,foster_purchased,X,Y,700',
      'P2,E1,A,2020-10-01,2021-07-31,kinship,,N,',
      'P3,E2,C,2020-09-01,,la_home,LA,N,2000.50',
      '',
    ].join('\n'),
    'cases.csv': 'case_id,child_id,team,worker_id,opened_date,closed_date\nK1,A,Family First,W1,2018-12-01,\nK2,C,Children and Families,W2,2020-08-15,2021-07-31\n',
    'referrals.csv': 'referral_id,child_id,received_date,source,reason,school_cluster,pathway,closed_date\nRF1,A,2021-05-01,education,Attendance,North,family_first,\n',
    'cp_registrations.csv': 'registration_id,child_id,registered_date,deregistered_date,concerns,deregistration_reason\nR1,B,2019-06-01,2020-02-29,neglect,improved_home_situation\nR2,B,2021-06-15,,neglect;domestic_abuse,\n',
    'scra_referrals.csv': 'scra_referral_id,child_id,referral_date,ground\nS1,A,2020-05-01,j\n',
    'benchmarks.csv': 'year,indicator,area,value\n2020,lac.rate_per_1000,scotland,13.9\n2020,lac.rate_per_1000,family_group,-0.5\n',
  };
}

/**
 * Write an extract folder; a file given as `undefined` is left out. Removed by `removeExtractFolders`.
 * @example const folder = await writeExtractFolder({ ...validExtract(), 'cases.csv': undefined })
 */
export async function writeExtractFolder(files: Record<string, string | Uint8Array | undefined>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'cairn-extract-'));
  folders.push(folder);
  for (const [name, content] of Object.entries(files)) if (content !== undefined) await writeFile(join(folder, name), content);
  return folder;
}

/** @example afterAll(removeExtractFolders) */
export async function removeExtractFolders(): Promise<void> {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
}

/** How many rows each domain table holds. @example expect(await domainCounts(db)).toMatchObject({ children: 3 }) */
export async function domainCounts(db: Queryable): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of domainTables) {
    const [row] = await db.query<{ count: number }>(`select count(*)::int as count from ${table}`);
    counts[table] = row.count;
  }
  return counts;
}

/** Every domain table's rows, in a stable order, for comparing the database before and after. @example expect(await domainContents(db)).toEqual(before) */
export async function domainContents(db: Queryable): Promise<Record<string, unknown[]>> {
  const contents: Record<string, unknown[]> = {};
  for (const table of domainTables) {
    contents[table] = await db.query(`select * from ${table} order by ${table === 'benchmarks' ? '1, 2, 3' : '1'}`);
  }
  return contents;
}

/** Empty every domain table (the audit trail is append-only and is left alone). @example beforeEach(() => clearDomain(db)) */
export async function clearDomain(db: Queryable): Promise<void> {
  for (const table of domainTables) await db.query(`delete from ${table}`);
}
