/** @module The returns' record layouts and code lists (`docs/returns/`): written from the layouts and the code maps themselves. */
import type { CodeListName, CodeMap } from './codeMap.js';
import { codeMapFor } from './codeMap.js';
import { returnKinds, returnLayouts, returnTitles, type ReturnKind } from './returnLayouts.js';

const generated = '<!-- Generated from src/modules/returns/returnLayouts.ts and codeMaps/ by `npm run docs:rules`. Do not edit. -->';

const codeListsOf: Record<ReturnKind, readonly CodeListName[]> = {
  clas: ['sex', 'disability', 'legalReason', 'reasonEnded', 'placementType', 'providerType'],
  cp: ['sex', 'deregistrationReason', 'concern', 'meetingKind', 'meetingDecision'],
};

function layoutPage(kind: ReturnKind, map: CodeMap): string {
  const files = returnLayouts[kind].flatMap((file) => [
    `## ${file.name}`,
    '',
    `One row per ${file.level}.`,
    '',
    '| column | holds |',
    '|---|---|',
    ...file.columns.map((column) => `| ${column.name} | ${column.meaning} |`),
    '',
  ]);
  const lists = codeListsOf[kind].flatMap((list) => [
    `### ${list}`,
    '',
    '| Cairn | return |',
    '|---|---|',
    ...Object.entries(map[list]).map(([cairn, code]) => `| ${cairn} | ${code} |`),
    '',
  ]);
  return [
    `# ${returnTitles[kind]} return: record layouts`,
    '',
    generated,
    '',
    `\`cairn returns build --return ${kind} --year YYYY-YY --out DIR\` writes these files (CSV, a header row, LF line ends,`,
    'dates as YYYY-MM-DD, an end date the first day a record no longer holds) and `manifest.json`.',
    '',
    ...files,
    `## Code lists (code map ${map.year})`,
    '',
    map.note ?? '',
    '',
    ...lists,
  ].join('\n');
}

const indexPage = [
  '# The statutory returns',
  '',
  generated,
  '',
  '- [Children looked after (CLAS)](clas.md): children, episodes, legal reasons and placements in the collection year',
  '  (1 August – 31 July).',
  '- [Child protection](cp.md): registrations, concerns at registration, planning meetings, and the register on 31 July.',
  '',
  'Each build also writes `manifest.json`: the return, the collection year, the rule pack and code map used, the day it',
  'was built, every file with its record level and number of rows, the queries outstanding, and the reconciliation: the',
  'children looked after on 31 July in the return against `lac.count` (CLAS), or the children on the register on 31 July',
  'against `cp.registered` (child protection). A return is not built while any error rule fails, a rule fails to run,',
  'or the reconciliation disagrees. The rules are in [docs/rules](../rules/README.md).',
  '',
  'The codes in the files come from `src/modules/returns/codeMaps/<year>.json`: Cairn\'s codes mapped to the return\'s,',
  'one file per year that changed them (a year without one uses the latest before it). Replace the values with the',
  'Scottish Government\'s published lists, or add a new year\'s file; no code changes.',
  '',
].join('\n');

/**
 * Every file of `docs/returns/`, by name.
 * @example returnsDocumentation().get('clas.md')
 */
export function returnsDocumentation(year = '2021-22'): Map<string, string> {
  const map = codeMapFor(year);
  return new Map([['README.md', indexPage], ...returnKinds.map((kind) => [`${kind}.md`, layoutPage(kind, map)] as [string, string])]);
}
