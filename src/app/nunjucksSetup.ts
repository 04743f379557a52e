/** @module The Nunjucks environment: template folders and the filters pages use. */
import nunjucks from 'nunjucks';
import { join } from 'node:path';
import { projectRoot, sourcePath } from '../platform/projectRoot.js';
import { paths } from '../platform/http/paths.js';
import { roleName } from '../platform/access/roles.js';
import { ageOn } from '../platform/dates/isoDates.js';
import { dateTimeOf, longDateOf } from '../platform/dates/formats.js';
import type { AssetAddresses } from './middleware/setUpStaticResources.js';

export const templateFolders = [
  sourcePath('app', 'views'),
  sourcePath('modules'),
  join(projectRoot, 'node_modules', 'govuk-frontend', 'dist'),
];

/** `assets.assetPath` is where the layout finds the stylesheet and scripts (`{{ assetPath }}/cairn/cairn.css`). */
export function configureNunjucks(environment: nunjucks.Environment, assets: AssetAddresses): void {
  environment.addGlobal('paths', paths);
  environment.addGlobal('assetPath', assets.assetPath);
  environment.addFilter('roleName', roleName);
  environment.addFilter('date', longDateOf);
  environment.addFilter('dateTime', (value: Date | string | null) => dateTimeOf(value));
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
