/** @module Runs a pack's rules over the records: every rule that can run does, one that throws is reported, and the run goes on. */
import type { Finding, Rule } from './rule.js';
import type { RuleContext } from './ruleContext.js';
import type { RulePack } from './packs/rulePack.js';

export interface RuleRun {
  /** The pack's collection year, e.g. `2021-22`. */
  pack: string;
  year: string;
  findings: Finding[];
  /** Codes of rules that ran (found something or not). */
  ran: string[];
  /** Rules that could not run: a table they read has no records. */
  skipped: { code: string; reason: string }[];
  /** Rules that threw: a fault in the rule, reported so the rest still run. */
  failed: { code: string; error: string }[];
}

function findingsOf(rule: Rule, context: RuleContext): Finding[] {
  return rule.check(context).map((breach) => ({
    code: rule.code,
    kind: rule.kind,
    message: rule.message,
    table: breach.table,
    recordId: breach.recordId,
    childId: breach.childId,
    fields: breach.fields ?? rule.fields,
    issueId: breach.issueId ?? `${rule.code}:${breach.table}:${breach.recordId}`,
    detail: breach.detail ?? null,
  }));
}

/**
 * Run every rule of `pack` in `context`.
 * @example runRules(packFor('2021-22'), ruleContext(year, records, today)).findings
 */
export function runRules(pack: RulePack, context: RuleContext): RuleRun {
  const run: RuleRun = { pack: pack.year, year: context.year.label, findings: [], ran: [], skipped: [], failed: [] };
  for (const rule of pack.rules) {
    const empty = rule.tables.filter((table) => context.records[table].length === 0);
    if (empty.length) {
      run.skipped.push({ code: rule.code, reason: `no records in ${empty.join(', ')}` });
      continue;
    }
    try {
      run.findings.push(...findingsOf(rule, context));
      run.ran.push(rule.code);
    } catch (error) {
      run.failed.push({ code: rule.code, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return run;
}

/** Does the run stop a return being built: an error-kind finding, or a rule that failed? */
export const blocksReturn = (run: RuleRun): boolean => run.failed.length > 0 || run.findings.some((finding) => finding.kind === 'error');
