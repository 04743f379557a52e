/** @module Reads one CSV cell by its column's rule (ids, ISO dates, money, flags, codes), or says in plain words what is wrong with it. */
import { plausibleYears } from '../../platform/dates/isoDates.js';
import type { CellRule } from './columns.js';

export type CellValue = string | number | boolean | string[] | null;
export type CellReading = { ok: true; value: CellValue } | { ok: false; message: string };

const idPattern = /^[A-Za-z0-9._/-]+$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const moneyPattern = /^\d{1,10}(\.\d{1,2})?$/;
const yearPattern = /^\d{4}$/;
const countPattern = /^\d{1,9}$/;
const numberPattern = /^-?\d{1,20}(\.\d{1,20})?$/;

/** Dates before or after these are far more likely typing mistakes (0212 for 2012) than real records (as in forms). */
export const earliestYear = plausibleYears.earliest;
export const latestYear = plausibleYears.latest;

/** @example quoted('Boyd') // '"Boyd"' — long values are shortened so a message stays on one line */
export function quoted(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
  return JSON.stringify(shown);
}

/** @example listOf(['M', 'F', 'X', 'U']) // 'M, F, X or U' */
export function listOf(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : monthLengths[month - 1];
}

/**
 * Is `value` a real calendar date written `YYYY-MM-DD`? Returns what is wrong, or undefined.
 * @example dateProblem('2021-02-30') // '"2021-02-30" is not a real date'
 */
export function dateProblem(value: string): string | undefined {
  const parts = datePattern.exec(value);
  if (!parts) return `${quoted(value)} is not a date written YYYY-MM-DD`;
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return `${quoted(value)} is not a real date`;
  if (year < earliestYear || year > latestYear) return `${quoted(value)} is not between ${earliestYear} and ${latestYear}: is the year right?`;
  return undefined;
}

function codeProblem(value: string, codes: readonly string[], what: string): string {
  const choices = codes.length > 6 ? `one of ${listOf(codes)}` : listOf(codes);
  const article = /^[aeiou]/.test(what) ? 'an' : 'a';
  return `${quoted(value)} is not ${article} ${what}: use ${choices}`;
}

/** `neglect;domestic_abuse`: each code exactly as listed, though spaces around one (`neglect; other`) are forgiven. */
function readCodeList(cell: string, codes: readonly string[], what: string): CellReading {
  const known = new Set(codes);
  const seen = new Set<string>();
  for (const piece of cell.split(';')) {
    const code = piece.trim();
    if (code === '') return { ok: false, message: `${quoted(cell)} has an empty ${what}: separate codes with one ";"` };
    if (!known.has(code)) return { ok: false, message: codeProblem(code, codes, what) };
    if (seen.has(code)) return { ok: false, message: `${quoted(cell)} lists ${code} twice` };
    seen.add(code);
  }
  return { ok: true, value: [...seen] };
}

/**
 * Read a non-empty cell by its rule. (Empty cells are the caller's: null, or an error if required.)
 * @example readCell({ kind: 'money' }, '1068.38') // { ok: true, value: 1068.38 }
 * @example readCell({ kind: 'flag' }, 'Yes') // { ok: false, message: '"Yes" must be Y or N' }
 */
export function readCell(rule: CellRule, cell: string): CellReading {
  switch (rule.kind) {
    case 'text':
      return { ok: true, value: cell };
    case 'id':
      if (cell.length > 64) return { ok: false, message: `${quoted(cell)} is ${cell.length} characters long: an id may have at most 64` };
      if (!idPattern.test(cell)) return { ok: false, message: `${quoted(cell)} is not an id: use only letters, digits, -, _, . and /` };
      return { ok: true, value: cell };
    case 'date': {
      const problem = dateProblem(cell);
      return problem ? { ok: false, message: problem } : { ok: true, value: cell };
    }
    case 'code':
      return rule.codes.includes(cell) ? { ok: true, value: cell } : { ok: false, message: codeProblem(cell, rule.codes, rule.what) };
    case 'codeList':
      return readCodeList(cell, rule.codes, rule.what);
    case 'money':
      return moneyPattern.test(cell)
        ? { ok: true, value: Number(cell) }
        : { ok: false, message: `${quoted(cell)} is not an amount of money: write pounds with up to two decimals and no currency sign, like 1068.38` };
    case 'year': {
      const year = Number(cell);
      return yearPattern.test(cell) && year >= earliestYear && year <= latestYear
        ? { ok: true, value: year }
        : { ok: false, message: `${quoted(cell)} is not a year between ${earliestYear} and ${latestYear}` };
    }
    case 'count':
      return countPattern.test(cell) ? { ok: true, value: Number(cell) } : { ok: false, message: `${quoted(cell)} is not a whole number of 0 or more` };
    case 'number':
      return numberPattern.test(cell) ? { ok: true, value: Number(cell) } : { ok: false, message: `${quoted(cell)} is not a number (write it like 12.5, without commas or signs other than -)` };
    case 'flag':
      if (cell === 'Y') return { ok: true, value: true };
      if (cell === 'N') return { ok: true, value: false };
      return { ok: false, message: `${quoted(cell)} must be Y or N` };
  }
}
