/** @module The Nunjucks environment: template folders and the filters pages use. */
import nunjucks from 'nunjucks';
import { join } from 'node:path';
import { projectRoot, sourcePath } from '../projectRoot.js';
import { paths } from '../platform/http/paths.js';
import { roleName } from '../platform/access/roles.js';

export const templateFolders = [
  sourcePath('app', 'views'),
  sourcePath('modules'),
  join(projectRoot, 'node_modules', 'govuk-frontend', 'dist'),
  join(projectRoot, 'node_modules', '@ministryofjustice', 'frontend'),
];

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

/** `2021-07-31` → `31 July 2021`; empty for null. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : longDate.format(date);
}

/** Whole years between a date of birth and today (or `on`). */
export function ageOn(dateOfBirth: string, on: Date = new Date()): number {
  const dob = new Date(`${dateOfBirth}T00:00:00Z`);
  let age = on.getUTCFullYear() - dob.getUTCFullYear();
  const beforeBirthday = on.getUTCMonth() < dob.getUTCMonth() || (on.getUTCMonth() === dob.getUTCMonth() && on.getUTCDate() < dob.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

export function configureNunjucks(environment: nunjucks.Environment): void {
  environment.addGlobal('paths', paths);
  environment.addFilter('roleName', roleName);
  environment.addFilter('date', formatDate);
  environment.addFilter('dateTime', (value: Date | string | null) => (value ? dateTime.format(new Date(value)) : ''));
  environment.addFilter('age', (value: string) => (value ? ageOn(value) : ''));
  environment.addFilter('humanise', (value: string | null) => (value ? value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) : ''));
  environment.addFilter('json', (value: unknown) => JSON.stringify(value));
  // Nunjucks' own `trim` is a regular expression that takes quadratic time on the long runs of spaces GOV.UK
  // macros produce (6–10 ms per date input); String.prototype.trim strips the same characters in linear time.
  // Like the original, markup marked safe stays safe.
  environment.addFilter('trim', (value: unknown) => {
    const trimmed = value === null || value === undefined ? '' : String(value).trim();
    return value instanceof nunjucks.runtime.SafeString ? new nunjucks.runtime.SafeString(trimmed) : trimmed;
  });
}
