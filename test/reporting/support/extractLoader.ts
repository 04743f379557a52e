/** @module Test-only loading of small fictional extracts: straight inserts (no importer checks), or the real importer. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Queryable, SqlValue } from '../../../src/db/database.js';
import type { Services } from '../../../src/composition.js';

/** One record as its CSV row: column name → cell (an empty cell or null is null). */
export type ExtractRecord = Readonly<Record<string, string | number | null>>;

/** The files of extract-format.md, in an order that satisfies every reference. */
const files = ['authority', 'population', 'providers', 'children', 'cases', 'referrals', 'looked_after', 'placements', 'cp_registrations', 'scra_referrals'] as const;
export type ExtractFile = (typeof files)[number];
export type ExtractRecords = Partial<Record<ExtractFile, readonly ExtractRecord[]>>;

const tables: Record<ExtractFile, { table: string; columns: readonly string[] }> = {
  authority: { table: 'authority', columns: ['authority_code', 'authority_name'] },
  population: { table: 'population', columns: ['year', 'age_0_17'] },
  providers: { table: 'providers', columns: ['provider_id', 'name', 'provider_type'] },
  children: {
    table: 'children',
    columns: ['child_id', 'family_id', 'forename', 'surname', 'date_of_birth', 'sex', 'ethnicity', 'disability', 'school_cluster', 'locality'],
  },
  cases: { table: 'cases', columns: ['case_id', 'child_id', 'team', 'worker_id', 'opened_date', 'closed_date'] },
  referrals: { table: 'referrals', columns: ['referral_id', 'child_id', 'received_date', 'source', 'reason', 'school_cluster', 'pathway', 'closed_date'] },
  looked_after: { table: 'looked_after_episodes', columns: ['episode_id', 'child_id', 'start_date', 'end_date', 'legal_reason', 'reason_ended'] },
  placements: {
    table: 'placements',
    columns: ['placement_id', 'episode_id', 'child_id', 'start_date', 'end_date', 'placement_type', 'provider_id', 'out_of_authority', 'weekly_cost'],
  },
  cp_registrations: {
    table: 'cp_registrations',
    columns: ['registration_id', 'child_id', 'registered_date', 'deregistered_date', 'concerns', 'deregistration_reason'],
  },
  scra_referrals: { table: 'scra_referrals', columns: ['scra_referral_id', 'child_id', 'referral_date', 'ground'] },
};

function cell(file: ExtractFile, column: string, raw: string | number | null | undefined): SqlValue {
  const value = raw === undefined || raw === '' ? null : raw;
  if (column === 'out_of_authority') return value === 'Y';
  if (column === 'concerns') return value === null ? [] : String(value).split(';');
  if (file === 'children' && column === 'date_of_birth' && value === null) return '2010-01-01';
  return value;
}

/**
 * Read every CSV file of an extract folder.
 * @example const records = readExtractFolder('../shared/spec/examples/tiny')
 */
export function readExtractFolder(folder: string): ExtractRecords {
  const records: Partial<Record<ExtractFile, ExtractRecord[]>> = {};
  for (const name of readdirSync(folder)) {
    const file = name.replace(/\.csv$/, '') as ExtractFile;
    if (!files.includes(file)) throw new Error(`unexpected file ${name}`);
    records[file] = parse(readFileSync(join(folder, name), 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as ExtractRecord[];
  }
  return records;
}

/**
 * Insert extract records as they stand (children may omit `date_of_birth`; nothing else is defaulted).
 * @example await insertExtract(db, { children: [{ child_id: 'A' }] })
 */
export async function insertExtract(db: Queryable, records: ExtractRecords): Promise<void> {
  for (const family of new Set((records.children ?? []).map((child) => child.family_id).filter((id) => id !== null && id !== '' && id !== undefined))) {
    await db.query('insert into families (family_id) values ($1) on conflict do nothing', [String(family)]);
  }
  for (const file of files) {
    const { table, columns } = tables[file];
    for (const record of records[file] ?? []) {
      const unknown = Object.keys(record).filter((column) => !columns.includes(column));
      if (unknown.length) throw new Error(`${file}: unknown columns ${unknown.join(', ')}`);
      const used = columns.filter((column) => column in record || (file === 'children' && column === 'date_of_birth'));
      const placeholders = used.map((_, i) => `$${i + 1}`).join(', ');
      // Table and column names come from the fixed list above, never from the records.
      await db.query(`insert into ${table} (${used.join(', ')}) values (${placeholders})`, used.map((column) => cell(file, column, record[column])));
    }
  }
}

/**
 * Load an extract folder with the real importer (`cairn import`'s), failing with its problems if it refuses.
 * @example await importExtractFolder(services, '../shared/spec/examples/tiny')
 */
export async function importExtractFolder(services: Services, folder: string): Promise<void> {
  const outcome = await services.extractImport.importFolder({ kind: 'system', name: 'test' }, folder);
  if (!outcome.ok) throw new Error(`the importer refused ${folder}: ${JSON.stringify(outcome.problems)}`);
}
