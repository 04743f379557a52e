/**
 * @module The scaling grid: everyone's number for every danger statement at one meeting, typed into one form.
 * Rows are the people present, columns the danger statements; a blank cell means the person was not asked.
 * Each cell is checked on its own and its message shown next to it.
 */
import { readDateInput } from '../../platform/forms/dates.js';
import { personRoleNames, personRoles, type PersonRole } from '../../platform/codes/safetyCodes.js';
import type { SafetyPair } from './safetyMap.js';

/** One person's numbers at the meeting, by danger statement. */
export interface GridRow { row: number; personName: string; personRole: PersonRole; scores: { pairId: string; score: number }[] }
export interface GridSitting { scoredOn: string; people: GridRow[] }

export const gridRowsAtFirst = 6;
const mostRows = 40;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** How many rows the form shows: as many as were posted (more if asked for), at least the first few. */
export function gridRowCount(body: Record<string, unknown>, more = false): number {
  const posted = Number(text(body.rows));
  const rows = Number.isInteger(posted) && posted >= 1 ? Math.min(posted, mostRows) : gridRowsAtFirst;
  return more ? Math.min(rows + 4, mostRows) : rows;
}

/** The grid's field names. @example cellName(2, 1) // 'score-2-1' */
export const nameField = (row: number) => `name-${row}`;
export const roleField = (row: number) => `role-${row}`;
export const cellName = (row: number, column: number) => `score-${row}-${column}`;

/** Every typed value of the grid, for putting back. */
export function gridValues(body: Record<string, unknown>, rows: number, columns: number): Record<string, string> {
  const values: Record<string, string> = { rows: String(rows) };
  for (const part of ['day', 'month', 'year']) values[`scoredOn-${part}`] = text(body[`scoredOn-${part}`]);
  for (let row = 1; row <= rows; row++) {
    values[nameField(row)] = text(body[nameField(row)]);
    values[roleField(row)] = text(body[roleField(row)]);
    for (let column = 1; column <= columns; column++) values[cellName(row, column)] = text(body[cellName(row, column)]);
  }
  return values;
}

/** The order the error summary lists fields in: the date, then row by row, left to right. */
export function gridFieldOrder(rows: number, columns: number): string[] {
  const order = ['scoredOn-day'];
  for (let row = 1; row <= rows; row++) {
    order.push(nameField(row), roleField(row));
    for (let column = 1; column <= columns; column++) order.push(cellName(row, column));
  }
  return order;
}

/**
 * Read a submitted grid: the meeting date and each person's numbers, or a plain message for each wrong cell.
 * @example readGrid(body, pairs, 6) // { value: { scoredOn: '2026-02-03', people: [{ row: 1, personName: 'Mum', personRole: 'parent', scores: [{ pairId, score: 4 }] }] } }
 */
export function readGrid(body: Record<string, unknown>, pairs: readonly SafetyPair[], rows: number): { value: GridSitting; errors?: undefined } | { value?: undefined; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = readDateInput('Date of the meeting', text(body['scoredOn-day']), text(body['scoredOn-month']), text(body['scoredOn-year']));
  if (date.error) errors['scoredOn-day'] = date.error;
  else if (!date.date) errors['scoredOn-day'] = 'Enter the date of the meeting';
  const people: GridRow[] = [];
  const rowOfName = new Map<string, number>();
  for (let row = 1; row <= rows; row++) {
    const personName = text(body[nameField(row)]).trim();
    const role = text(body[roleField(row)]);
    const cells = pairs.map((pair, index) => ({ pair, column: index + 1, typed: text(body[cellName(row, index + 1)]).trim() }));
    const asked = cells.filter((c) => c.typed !== '');
    if (!personName && !role && asked.length === 0) continue;
    const who = personName || `person ${row}`;
    if (!personName) errors[nameField(row)] = `Enter the name of person ${row}, or clear their numbers`;
    else if (personName.length > 200) errors[nameField(row)] = `The name of person ${row} must be 200 characters or fewer`;
    else if (rowOfName.has(personName.toLowerCase())) errors[nameField(row)] = `${personName} is already on row ${rowOfName.get(personName.toLowerCase())}`;
    else if (asked.length === 0) errors[nameField(row)] = `Enter at least one number for ${personName}, or clear their name`;
    if (personName) rowOfName.set(personName.toLowerCase(), rowOfName.get(personName.toLowerCase()) ?? row);
    if (!personRoles.includes(role as PersonRole)) errors[roleField(row)] = `Select who ${who} is`;
    const scores: { pairId: string; score: number }[] = [];
    for (const cell of asked) {
      if (!/^\d{1,2}$/.test(cell.typed) || Number(cell.typed) > 10) {
        errors[cellName(row, cell.column)] = `${who}’s number for danger statement ${cell.column} must be a whole number from 0 to 10`;
      } else scores.push({ pairId: cell.pair.pairId, score: Number(cell.typed) });
    }
    people.push({ row, personName, personRole: role as PersonRole, scores });
  }
  if (people.length === 0 && !errors['scoredOn-day']) errors[nameField(1)] = 'Enter at least one person and their number';
  if (Object.keys(errors).length) return { errors };
  return { value: { scoredOn: date.date!, people } };
}

/**
 * The grid as the page shows it: a column per danger statement, a row per person, each cell with its own message.
 * @example presentGrid(pairs, values, errors, 6)
 */
export function presentGrid(pairs: readonly SafetyPair[], values: Record<string, string>, errors: Record<string, string>, rows: number) {
  return {
    rows: String(rows),
    columns: pairs.map((pair, index) => ({ number: index + 1, dangerStatement: pair.dangerStatement })),
    people: Array.from({ length: rows }, (_, i) => {
      const row = i + 1;
      const role = values[roleField(row)] ?? '';
      return {
        row,
        name: { id: nameField(row), value: values[nameField(row)] ?? '', error: errors[nameField(row)] },
        role: {
          id: roleField(row),
          error: errors[roleField(row)],
          items: [{ value: '', text: 'Choose', selected: role === '' }, ...personRoles.map((code) => ({ value: code, text: personRoleNames[code], selected: role === code }))],
        },
        cells: pairs.map((_, index) => ({ id: cellName(row, index + 1), column: index + 1, value: values[cellName(row, index + 1)] ?? '', error: errors[cellName(row, index + 1)] })),
      };
    }),
  };
}
