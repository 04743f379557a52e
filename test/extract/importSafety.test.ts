/**
 * @module The importer's safety rules (issue 16 item 9), against a real, migrated database (PGlite, or PostgreSQL when
 * DATABASE_URL is set): a column left out leaves stored records as they are, over-long cells, folders and links in
 * place of files and NUL bytes are refused with where they are, and a file's problems are listed at most 100 at a time.
 */
import { mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/testDatabase.js';
import type { Database } from '../../src/db/database.js';
import { auditRepository } from '../../src/modules/audit/auditRepository.js';
import { auditService } from '../../src/modules/audit/auditService.js';
import { extractImportService, type ImportOutcome } from '../../src/modules/extract/extractImportService.js';
import { formatProblem } from '../../src/modules/extract/extractProblem.js';
import { clearDomain, domainContents, removeExtractFolders, validExtract, writeExtractFolder } from './support/extractFolder.js';

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

function importFolder(folder: string): Promise<ImportOutcome> {
  return extractImportService(db, auditService(db, auditRepository())).importFolder(actor, folder);
}

async function importFiles(files: Record<string, string | Uint8Array | undefined>): Promise<ImportOutcome> {
  return importFolder(await writeExtractFolder(files));
}

async function importValid(changes: Record<string, string | undefined> = {}): Promise<ImportOutcome> {
  const outcome = await importFiles({ ...validExtract(), ...changes });
  if (!outcome.ok) throw new Error(`expected the import to succeed:\n${outcome.problems.map(formatProblem).join('\n')}`);
  return outcome;
}

/** Import `folder`, expect a refusal listing exactly `problems`, and check that not one row changed. */
async function expectFolderRefused(folder: string, problems: string[]): Promise<void> {
  const before = await domainContents(db);
  const outcome = await importFolder(folder);
  expect(outcome.ok ? [] : outcome.problems.map(formatProblem)).toEqual(problems);
  expect(await domainContents(db)).toEqual(before);
}

describe('a column left out', () => {
  it('leaves that column as it is for stored records, and empty for new ones', async () => {
    await importValid();
    const outcome = await importValid({
      // No family_id, sex, disability or school_cluster: A's forename changes, B is as before, D is new.
      'children.csv': csv('child_id,forename,surname,date_of_birth', 'A,Ailsa-Mae,Boyd,2012-03-04', 'B,Rory,Boyd,2014-05-06', 'D,Euan,Muir,2016-01-02'),
      // No provider_id, out_of_authority or weekly_cost.
      'placements.csv': csv(
        'placement_id,episode_id,child_id,start_date,end_date,placement_type',
        'P1,E1,A,2019-01-01,2020-10-01,foster_purchased',
        'P3,E2,C,2020-09-01,,la_home',
      ),
      'looked_after.csv': csv('episode_id,child_id,start_date,end_date,legal_reason', 'E1,A,2019-01-01,2021-07-31,cso_away'),
      'cp_registrations.csv': csv('registration_id,child_id,registered_date', 'R2,B,2021-06-15'),
      'cases.csv': csv('case_id,child_id,opened_date', 'K1,A,2018-12-01'),
    });
    expect(outcome).toMatchObject({
      summary: {
        'children.csv': { added: 1, updated: 1, unchanged: 1 },
        'placements.csv': { added: 0, updated: 0, unchanged: 2 },
        'looked_after.csv': { added: 0, updated: 0, unchanged: 1 },
        'cp_registrations.csv': { added: 0, updated: 0, unchanged: 1 },
        'cases.csv': { added: 0, updated: 0, unchanged: 1 },
      },
    });
    expect(await db.query('select child_id, family_id, forename, sex, disability, school_cluster from children order by 1')).toEqual([
      { child_id: 'A', family_id: 'F1', forename: 'Ailsa-Mae', sex: 'F', disability: 'N', school_cluster: 'North' },
      { child_id: 'B', family_id: 'F1', forename: 'Rory', sex: 'M', disability: 'U', school_cluster: 'North' },
      { child_id: 'C', family_id: null, forename: 'Isla', sex: 'F', disability: null, school_cluster: 'South' },
      { child_id: 'D', family_id: null, forename: 'Euan', sex: null, disability: null, school_cluster: null },
    ]);
    expect(await db.query('select placement_id, provider_id, out_of_authority, weekly_cost from placements order by 1')).toEqual([
      { placement_id: 'P1', provider_id: 'X', out_of_authority: true, weekly_cost: 700 },
      { placement_id: 'P2', provider_id: null, out_of_authority: false, weekly_cost: null },
      { placement_id: 'P3', provider_id: 'LA', out_of_authority: false, weekly_cost: 2000.5 },
    ]);
    expect(await db.query(`select reason_ended from looked_after_episodes where episode_id = 'E1'`)).toEqual([{ reason_ended: 'home_with_parents' }]);
    expect(await db.query(`select concerns from cp_registrations where registration_id = 'R2'`)).toEqual([{ concerns: ['neglect', 'domestic_abuse'] }]);
    expect(await db.query(`select team, worker_id from cases where case_id = 'K1'`)).toEqual([{ team: 'Family First', worker_id: 'W1' }]);
  });

  it('still empties a cell given empty', async () => {
    await importValid();
    await importValid({ 'children.csv': csv('child_id,date_of_birth,school_cluster', 'A,2012-03-04,') });
    expect(await db.query(`select school_cluster, sex from children where child_id = 'A'`)).toEqual([{ school_cluster: null, sex: 'F' }]);
  });
});

describe('cells', () => {
  it('refuses a cell over 10,000 characters, naming its line and column, and reads one of exactly 10,000', async () => {
    const long = 'a'.repeat(10_001);
    const outcome = await importFiles({
      'children.csv': csv('child_id,forename,date_of_birth', `A,${'b'.repeat(10_000)},2012-03-04`, `B,${long},2014-05-06`),
      'referrals.csv': csv('referral_id,child_id,received_date,pathway,reason', `RF1,A,2021-05-01,family_first,"${long}"`),
    });
    expect(outcome.ok ? [] : outcome.problems.map(formatProblem)).toEqual([
      'children.csv:3: forename: is 10,001 characters long: a cell may have at most 10,000',
      'referrals.csv:2: reason: is 10,001 characters long: a cell may have at most 10,000',
    ]);
    expect(await domainContents(db)).toMatchObject({ children: [], referrals: [] });
  });

  it('reports a NUL byte at the line it is on, inside a quoted cell over several lines too', async () => {
    const folder = await writeExtractFolder({
      'children.csv': csv('child_id,forename,date_of_birth', 'A,Ail\u0000sa,2012-03-04', 'B,"Rory', 'Mc\u0000Kay",2014-05-06', 'C,Isla,2009-07-08'),
    });
    await expectFolderRefused(folder, [
      'children.csv:2: forename: has a NUL byte (character 0), which no text may hold: is this a binary file, or was it saved as UTF-16?',
      'children.csv:4: forename: has a NUL byte (character 0), which no text may hold: is this a binary file, or was it saved as UTF-16?',
    ]);
  });
});

describe('the folder', () => {
  it('refuses a folder in place of a file', async () => {
    const folder = await writeExtractFolder(validExtract());
    await rm(join(folder, 'cases.csv'));
    await mkdir(join(folder, 'cases.csv'));
    await expectFolderRefused(folder, ['cases.csv:0: -: is a folder, not a file: an extract holds its CSV files themselves']);
  });

  it('refuses a symbolic link in place of a file, even to a good file', async () => {
    const elsewhere = await writeExtractFolder({ 'children.csv': validExtract()['children.csv'] });
    const folder = await writeExtractFolder({ ...validExtract(), 'children.csv': undefined });
    await symlink(join(elsewhere, 'children.csv'), join(folder, 'children.csv'));
    await expectFolderRefused(folder, ['children.csv:0: -: is a symbolic link, which the importer does not follow: copy the file itself into the extract folder']);
  });
});

describe('many problems', () => {
  it('lists at most 100 problems a file, then how many more there are, and counts them all', async () => {
    const badChildren = Array.from({ length: 130 }, (_, index) => `C${index},2012-13-01`);
    const badCases = Array.from({ length: 3 }, (_, index) => `K${index},C0,2021-01-01,2020-01-01`);
    const folder = await writeExtractFolder({
      'children.csv': csv('child_id,date_of_birth', ...badChildren),
      'cases.csv': csv('case_id,child_id,opened_date,closed_date', ...badCases),
    });
    const outcome = await importFolder(folder);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const lines = outcome.problems.map(formatProblem);
    expect(lines).toHaveLength(100 + 1 + 3);
    expect(lines[0]).toBe('children.csv:2: date_of_birth: "2012-13-01" is not a real date');
    expect(lines[99]).toBe('children.csv:101: date_of_birth: "2012-13-01" is not a real date');
    expect(lines[100]).toBe('children.csv:0: -: and 30 more problems not listed: correct these and import again to see them');
    expect(lines.slice(101)).toEqual([
      'cases.csv:2: closed_date: 2020-01-01 is before opened_date 2021-01-01',
      'cases.csv:3: closed_date: 2020-01-01 is before opened_date 2021-01-01',
      'cases.csv:4: closed_date: 2020-01-01 is before opened_date 2021-01-01',
    ]);
    expect(outcome.problemCount).toBe(133);
  });
});
