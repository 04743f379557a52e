/** @module The data quality page's query: the collection year and the filters, read without trusting any of it. */
import { collectionYear, collectionYearOf } from '../collectionYear.js';
import { rulePacks } from '../packs/packs.js';
import type { IssueFilters } from './dataQualityService.js';

const text = (query: Record<string, unknown>, name: string): string | undefined => {
  const value = query[name];
  return typeof value === 'string' && value.trim() !== '' && value.length <= 100 ? value.trim() : undefined;
};

/**
 * The years a person may choose: from the first rule pack's to the one `today` falls in, newest first.
 * @example collectionYears('2022-09-30') // ['2022-23', '2021-22', '2020-21']
 */
export function collectionYears(today: string): string[] {
  const years: string[] = [];
  for (let year = collectionYearOf(today); year.label >= rulePacks[0]!.year; year = collectionYearOf(`${year.censusYear - 1}-01-01`)) years.push(year.label);
  return years;
}

/**
 * The year (the current one when none, or none well formed, is asked for) and the filters of a query.
 * @example readIssueQuery({ year: '2021-22', kind: 'query', page: '2' }, '2022-09-30') // { year: '2021-22', filters: { kind: 'query' }, page: 2 }
 */
export function readIssueQuery(raw: unknown, today: string): { year: string; filters: IssueFilters; page: number } {
  const query = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const asked = text(query, 'year');
  const year = asked && collectionYear(asked) && collectionYears(today).includes(asked) ? asked : collectionYearOf(today).label;
  const kind = text(query, 'kind');
  const filters: IssueFilters = {};
  for (const name of ['team', 'worker', 'child', 'code'] as const) {
    const value = text(query, name);
    if (value) filters[name] = value;
  }
  if (kind === 'error' || kind === 'query') filters.kind = kind;
  const page = Number(text(query, 'page'));
  return { year, filters, page: Number.isSafeInteger(page) && page > 0 ? page : 1 };
}
