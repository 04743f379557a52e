/** @module The rules' catalogue (`docs/rules/`): written from the rule files themselves, one page per pack and an index. */
import type { Rule } from './rule.js';
import type { RulePack } from './packs/rulePack.js';
import { rulePacks } from './packs/packs.js';

const kindWords = { error: 'error — stops the return', query: 'query — check, and mark correct if it is' } as const;

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

function ruleSection(rule: Rule, pack: RulePack): string {
  const status = pack.added.includes(rule.code) && pack.previous ? ' (added this year)' : pack.changed.includes(rule.code) ? ' (changed this year)' : '';
  return [
    `### ${rule.code} — ${rule.message}${status}`,
    '',
    rule.meaning,
    '',
    `- Kind: ${kindWords[rule.kind]}`,
    `- Reads: ${rule.tables.length ? rule.tables.join(', ') : 'nothing but the table in its fields (runs even when it is empty)'}`,
    `- Fields: ${rule.fields.join(', ')}`,
    '',
  ].join('\n');
}

function packPage(pack: RulePack): string {
  const errors = pack.rules.filter((rule) => rule.kind === 'error').length;
  const made = pack.previous
    ? `Made from the ${pack.previous} pack: added ${pack.added.join(', ') || 'none'}; changed ${pack.changed.join(', ') || 'none'}; retired ${pack.retired.join(', ') || 'none'}.`
    : 'The first pack.';
  const index = pack.rules.map((rule) => `| ${rule.code} | ${rule.kind} | ${escapeCell(rule.message)} |`);
  return [
    `# Rules for ${pack.year}`,
    '',
    '<!-- Generated from src/modules/returns/rules/ by `npm run docs:rules`. Do not edit: change the rule files. -->',
    '',
    `${pack.rules.length} rules (${errors} errors, ${pack.rules.length - errors} queries). ${made}`,
    '',
    '| code | kind | what is wrong |',
    '|---|---|---|',
    ...index,
    '',
    '## The rules',
    '',
    ...[...pack.rules].sort((a, b) => a.code.localeCompare(b.code)).map((rule) => ruleSection(rule, pack)),
  ].join('\n');
}

function indexPage(packs: readonly RulePack[]): string {
  return [
    '# The returns\' rules',
    '',
    '<!-- Generated from src/modules/returns/rules/ by `npm run docs:rules`. Do not edit: change the rule files. -->',
    '',
    'Each rule checks the records the statutory returns are made from (the looked after return and the child protection',
    'figures) and names every record that breaks it. An **error** stops the return being built until the record is',
    'corrected; a **query** asks someone to check a record, which may be marked "checked, correct" with a reason.',
    'Rules are grouped in packs per collection year (1 August to 31 July): a year\'s pack is the previous pack plus the',
    'rules added and changed, minus the codes retired, and a pack is never edited once a return is made with it. A',
    'year with no pack of its own is checked with the latest pack before it; years before the first, with the first.',
    '',
    'Codes: C the child, K cases, E looked after episodes, P placements, R child protection registrations and',
    'planning meetings, S referrals to the Children\'s Reporter, Y the population.',
    '',
    '| pack | rules | made from |',
    '|---|---|---|',
    ...packs.map((pack) => `| [${pack.year}](${pack.year}.md) | ${pack.rules.length} | ${pack.previous ?? 'first pack'} |`),
    '',
  ].join('\n');
}

/**
 * Every file of the catalogue, by name inside `docs/rules/`.
 * @example ruleCatalogue().get('README.md')
 */
export function ruleCatalogue(packs: readonly RulePack[] = rulePacks): Map<string, string> {
  return new Map([['README.md', indexPage(packs)], ...packs.map((pack) => [`${pack.year}.md`, packPage(pack)] as [string, string])]);
}
