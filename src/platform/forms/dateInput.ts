/** @module Reads a GOV.UK date input (day, month, year fields) into an ISO date, with the pattern's error messages. */

export type DateInputResult = { date?: string; error?: string };

/**
 * @example readDateInput('Date of birth', '4', '3', '2012') // { date: '2012-03-04' }
 * @example readDateInput('Date of birth', '31', '2', '2012') // { error: 'Date of birth must be a real date' }
 */
export function readDateInput(label: string, day = '', month = '', year = ''): DateInputResult {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!d && !m && !y) return {};
  const missing = [!d && 'a day', !m && 'a month', !y && 'a year'].filter(Boolean);
  if (missing.length) return { error: `${label} must include ${missing.join(' and ')}` };
  if (![d, m, y].every((part) => /^\d+$/.test(part)) || y.length !== 4) return { error: `${label} must be a real date` };
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) return { error: `${label} must be a real date` };
  return { date: iso };
}
