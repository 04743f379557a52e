/**
 * @module The mapping from Cairn's codes to a return's codes, as data per year (`codeMaps/<year>.json`), so the
 * Scottish Government's published code lists can replace them without a change to the code. A year with no file of
 * its own uses the latest file before it (and years before the first, the first). A code not yet checked against the
 * published list is written `{ "code", "unverified": true, "source" }` and listed in the map's `unverified`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { sourcePath } from '../../platform/projectRoot.js';

/**
 * One Cairn code's return code: the plain code once checked against the Scottish Government's published list, or
 * the code marked `unverified` with the key (in `sources`) of where it was taken from, until a council checks it.
 */
const mappedCode = z.union([
  z.string().min(1),
  z.object({ code: z.string().min(1), unverified: z.literal(true), source: z.string().min(1) }).strict(),
]);
const codes = z.record(z.string(), mappedCode);
const codeListShapes = {
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
};
export type CodeListName = keyof typeof codeListShapes;
/** Every list a code map holds. */
export const codeListNames = Object.keys(codeListShapes) as CodeListName[];

/** A code not yet checked against the published list, and the source it was taken from. */
export interface UnverifiedCode {
  list: CodeListName;
  cairn: string;
  code: string;
  /** The source, in words. */
  source: string;
}

const codeMapFile = z.object({
  year: z.string(),
  note: z.string().optional(),
  /** The sources unverified codes name, by key. */
  sources: z.record(z.string(), z.string().min(1)).default({}),
  ...codeListShapes,
}).strict().transform((file, context) => {
  const unverified: UnverifiedCode[] = [];
  const lists = {} as Record<CodeListName, Record<string, string>>;
  for (const list of codeListNames) {
    lists[list] = {};
    for (const [cairn, mapped] of Object.entries(file[list])) {
      if (typeof mapped === 'string') {
        lists[list][cairn] = mapped;
        continue;
      }
      const source = file.sources[mapped.source];
      if (source === undefined) context.addIssue({ code: 'custom', path: [list, cairn, 'source'], message: `no source "${mapped.source}" in sources` });
      lists[list][cairn] = mapped.code;
      unverified.push({ list, cairn, code: mapped.code, source: source ?? mapped.source });
    }
  }
  return { year: file.year, ...(file.note === undefined ? {} : { note: file.note }), ...lists, unverified };
});
/** A year's code map: each list Cairn code → return code, and the codes not yet checked against the published lists. */
export type CodeMap = z.infer<typeof codeMapFile>;

const folder = () => sourcePath('modules', 'returns', 'codeMaps');

/**
 * A code map from its file's text: refused (zod) when a list is missing, a code is empty, or an unverified code
 * names a source the file does not have.
 * @example readCodeMap('{"year":"2020-21","sex":{"M":"1"},…}').sex.M // '1'
 */
export function readCodeMap(text: string): CodeMap {
  return codeMapFile.parse(JSON.parse(text));
}

/**
 * The code map for a collection year.
 * @example codeMapFor('2021-22').placementType.at_home // '11'
 */
export function codeMapFor(year: string): CodeMap {
  const years = readdirSync(folder()).filter((name) => /^\d{4}-\d{2}\.json$/.test(name)).map((name) => name.slice(0, 7)).sort();
  const chosen = [...years].reverse().find((candidate) => candidate <= year) ?? years[0];
  if (!chosen) throw new Error('there is no code map in src/modules/returns/codeMaps');
  return readCodeMap(readFileSync(`${folder()}/${chosen}.json`, 'utf8'));
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
