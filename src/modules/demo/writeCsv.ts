/** @module Writes a demo extract as the CSV files of extract-format.md: a header row, RFC 4180 quoting where needed, LF line ends. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CsvValue, DemoExtract } from './extract.js';

interface ExtractFile {
  file: string;
  columns: readonly string[];
  rows: (extract: DemoExtract) => readonly Readonly<Record<string, CsvValue>>[];
}

/** Every file, with its columns in the order extract-format.md lists them. */
const extractFiles: readonly ExtractFile[] = [
  { file: 'authority.csv', columns: ['authority_code', 'authority_name'], rows: (e) => [e.authority] },
  { file: 'population.csv', columns: ['year', 'age_0_17'], rows: (e) => e.population },
  { file: 'children.csv', columns: ['child_id', 'family_id', 'forename', 'surname', 'date_of_birth', 'sex', 'ethnicity', 'disability', 'school_cluster', 'locality'], rows: (e) => e.children },
  { file: 'cases.csv', columns: ['case_id', 'child_id', 'team', 'worker_id', 'opened_date', 'closed_date'], rows: (e) => e.cases },
  { file: 'referrals.csv', columns: ['referral_id', 'child_id', 'received_date', 'source', 'reason', 'school_cluster', 'pathway', 'closed_date'], rows: (e) => e.referrals },
  { file: 'looked_after.csv', columns: ['episode_id', 'child_id', 'start_date', 'end_date', 'legal_reason', 'reason_ended'], rows: (e) => e.lookedAfter },
  { file: 'placements.csv', columns: ['placement_id', 'episode_id', 'child_id', 'start_date', 'end_date', 'placement_type', 'provider_id', 'out_of_authority', 'weekly_cost'], rows: (e) => e.placements },
  { file: 'providers.csv', columns: ['provider_id', 'name', 'provider_type'], rows: (e) => e.providers },
  { file: 'cp_registrations.csv', columns: ['registration_id', 'child_id', 'registered_date', 'deregistered_date', 'concerns', 'deregistration_reason'], rows: (e) => e.cpRegistrations },
  { file: 'scra_referrals.csv', columns: ['scra_referral_id', 'child_id', 'referral_date', 'ground'], rows: (e) => e.scraReferrals },
  { file: 'benchmarks.csv', columns: ['year', 'indicator', 'area', 'value'], rows: (e) => e.benchmarks },
];

const needsQuotes = /[",\r\n]/;

/**
 * One cell: empty for null; quoted (with quotes doubled) only when it holds a comma, quote or line break.
 * @example csvCell('Neglect, home conditions') // '"Neglect, home conditions"'
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A whole file: header, then one LF-ended line per row.
 * @example toCsv(['year', 'age_0_17'], [{ year: 2021, age_0_17: 19930 }]) // 'year,age_0_17\n2021,19930\n'
 */
export function toCsv(columns: readonly string[], rows: readonly Readonly<Record<string, CsvValue>>[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column] ?? null)).join(','));
  return `${lines.join('\n')}\n`;
}

export interface DemoFile {
  file: string;
  rows: number;
  csv: string;
}

/**
 * The extract's files as text, in a fixed order.
 * @example demoExtractFiles(generateDemoExtract({ seed: 2021 }))[0].file // 'authority.csv'
 */
export function demoExtractFiles(extract: DemoExtract): DemoFile[] {
  return extractFiles.map(({ file, columns, rows }) => {
    const list = rows(extract);
    return { file, rows: list.length, csv: toCsv(columns, list) };
  });
}

/**
 * Write the extract's CSV files into `folder` (made if missing; files of the same name are replaced).
 * @example await writeDemoExtract('./demo-extract', generateDemoExtract({ seed: 2021 }))
 */
export async function writeDemoExtract(folder: string, extract: DemoExtract): Promise<{ file: string; rows: number }[]> {
  await mkdir(folder, { recursive: true });
  const files = demoExtractFiles(extract);
  await Promise.all(files.map(({ file, csv }) => writeFile(join(folder, file), csv, 'utf8')));
  return files.map(({ file, rows }) => ({ file, rows }));
}
