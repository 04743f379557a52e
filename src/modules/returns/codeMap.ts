/**
 * @module The mapping from Cairn's codes to a return's codes, as data per year (`codeMaps/<year>.json`), so the
 * Scottish Government's published code lists can replace them without a change to the code. A year with no file of
 * its own uses the latest file before it (and years before the first, the first).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { sourcePath } from '../../platform/projectRoot.js';

const codes = z.record(z.string(), z.string().min(1));
const codeMapFile = z.object({
  year: z.string(),
  note: z.string().optional(),
  sex: codes,
  disability: codes,
  legalReason: codes,
  placementType: codes,
  reasonEnded: codes,
  providerType: codes,
  concern: codes,
  deregistrationReason: codes,
  meetingKind: codes,
  meetingDecision: codes,
});
export type CodeMap = z.infer<typeof codeMapFile>;
export type CodeListName = Exclude<keyof CodeMap, 'year' | 'note'>;

const folder = () => sourcePath('modules', 'returns', 'codeMaps');

/**
 * The code map for a collection year.
 * @example codeMapFor('2021-22').placementType.at_home // '11'
 */
export function codeMapFor(year: string): CodeMap {
  const years = readdirSync(folder()).filter((name) => /^\d{4}-\d{2}\.json$/.test(name)).map((name) => name.slice(0, 7)).sort();
  const chosen = [...years].reverse().find((candidate) => candidate <= year) ?? years[0];
  if (!chosen) throw new Error('there is no code map in src/modules/returns/codeMaps');
  return codeMapFile.parse(JSON.parse(readFileSync(`${folder()}/${chosen}.json`, 'utf8')));
}

/**
 * The return's code for Cairn's `code` in `list`; empty for nothing recorded. Throws on a code the map lacks, so a
 * return is never written with a code the Scottish Government would not know.
 * @example returnCode(map, 'legalReason', 'cso_home') // '11'
 */
export function returnCode(map: CodeMap, list: CodeListName, code: string | null): string {
  if (code === null || code === '') return '';
  const mapped = map[list][code];
  if (mapped === undefined) throw new Error(`the ${map.year} code map has no ${list} code for "${code}"`);
  return mapped;
}
