/**
 * @module A pack of rules for one collection year. The first pack lists its rules; every later pack is the
 * previous pack plus rules added and changed, minus codes retired — and a pack, once a year's return has been
 * made with it, is never edited, so a past return can be checked again exactly as it was.
 */
import type { Rule } from '../rule.js';

export interface RulePack {
  /** The first collection year the pack is for, e.g. `2021-22`. */
  year: string;
  rules: readonly Rule[];
  /** The pack it was made from (none for the first). */
  previous: string | null;
  added: readonly string[];
  changed: readonly string[];
  retired: readonly string[];
}

export class RulePackError extends Error {
  override name = 'RulePackError';
}

function refuseRepeats(year: string, rules: readonly Rule[]): void {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.code)) throw new RulePackError(`pack ${year} has two rules coded ${rule.code}`);
    seen.add(rule.code);
  }
}

/**
 * The first pack: these rules and no others.
 * @example firstPack('2020-21', [lookedAfterPast18, ...])
 */
export function firstPack(year: string, rules: readonly Rule[]): RulePack {
  refuseRepeats(year, rules);
  return { year, rules, previous: null, added: rules.map((rule) => rule.code), changed: [], retired: [] };
}

/**
 * The next year's pack: `previous` with `added` rules (new codes), `changed` rules (replacing the rule of the same
 * code) and `retired` codes removed. Throws when an added code exists, or a changed or retired code does not.
 * @example nextPack(pack2020, '2021-22', { added: [offenceGroundUnder12] })
 */
export function nextPack(previous: RulePack, year: string, change: { added?: readonly Rule[]; changed?: readonly Rule[]; retired?: readonly string[] }): RulePack {
  const { added = [], changed = [], retired = [] } = change;
  const codes = new Set(previous.rules.map((rule) => rule.code));
  for (const rule of added) if (codes.has(rule.code)) throw new RulePackError(`pack ${year} adds ${rule.code}, which ${previous.year} has: change it instead`);
  for (const code of [...changed.map((rule) => rule.code), ...retired]) if (!codes.has(code)) throw new RulePackError(`pack ${year} changes or retires ${code}, which ${previous.year} does not have`);
  const replacements = new Map(changed.map((rule) => [rule.code, rule]));
  const rules = [
    ...previous.rules.filter((rule) => !retired.includes(rule.code)).map((rule) => replacements.get(rule.code) ?? rule),
    ...added,
  ];
  refuseRepeats(year, rules);
  return { year, rules, previous: previous.year, added: added.map((rule) => rule.code), changed: changed.map((rule) => rule.code), retired };
}
