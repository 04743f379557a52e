/** @module A return's files from the records: refused while an error rule fails; reconciled with the board's indicators. */
import type { CodeMap } from './codeMap.js';
import type { RuleContext } from './ruleContext.js';
import type { RuleRun } from './runRules.js';
import { blocksReturn } from './runRules.js';
import { returnCsv } from './returnCsv.js';
import { returnLayouts, type ReturnKind } from './returnLayouts.js';

/** The figure a return must agree with: the indicator, its value on the census date, and the return's own count. */
export interface Reconciliation {
  indicator: 'lac.count' | 'cp.registered';
  census: string;
  fromIndicator: number;
  fromReturn: number;
  agrees: boolean;
}

export interface ReturnManifest {
  return: ReturnKind;
  year: string;
  rulePack: string;
  codeMap: string;
  builtOn: string;
  files: { name: string; level: string; rows: number }[];
  reconciliation: Reconciliation;
  /** Queries found when built: they do not stop a return, but are listed with it. */
  queries: number;
}

export interface BuiltReturn {
  manifest: ReturnManifest;
  /** File name → CSV text; `manifest.json` among them. */
  files: Record<string, string>;
}

/** Why a return was not built: the error rules that fail (or rules that could not run), or totals that disagree. */
export class ReturnRefusedError extends Error {
  override name = 'ReturnRefusedError';
  constructor(message: string, readonly run: RuleRun | null) {
    super(message);
  }
}

/**
 * Build a return from the context's records, given the rules' run over them and the indicator's figure for the
 * census date. Throws `ReturnRefusedError` while an error rule fails, a rule fails to run, or the totals disagree.
 * @example buildReturn('clas', context, run, map, 233)
 */
export function buildReturn(kind: ReturnKind, context: RuleContext, run: RuleRun, map: CodeMap, indicatorFigure: number): BuiltReturn {
  if (blocksReturn(run)) {
    const errors = run.findings.filter((finding) => finding.kind === 'error');
    const codes = [...new Set([...errors.map((finding) => finding.code), ...run.failed.map((failed) => failed.code)])].sort();
    throw new ReturnRefusedError(`${errors.length} errors (${codes.join(', ')}) and ${run.failed.length} rules that failed to run must be put right before the ${run.year} return is built`, run);
  }
  const files: Record<string, string> = {};
  const listed: ReturnManifest['files'] = [];
  const rowsOf = new Map<string, string[][]>();
  for (const file of returnLayouts[kind]) {
    const rows = file.rows(context, map);
    rowsOf.set(file.name, rows);
    files[file.name] = returnCsv(file.columns.map((column) => column.name), rows);
    listed.push({ name: file.name, level: file.level, rows: rows.length });
  }
  const fromReturn = kind === 'clas'
    ? rowsOf.get('children.csv')!.filter((row) => row.at(-1) === 'Y').length
    : new Set(rowsOf.get('register.csv')!.map((row) => row[0])).size;
  const reconciliation: Reconciliation = {
    indicator: kind === 'clas' ? 'lac.count' : 'cp.registered', census: context.year.census, fromIndicator: indicatorFigure, fromReturn, agrees: fromReturn === indicatorFigure,
  };
  if (!reconciliation.agrees) {
    throw new ReturnRefusedError(`the return counts ${fromReturn} on ${context.year.census} but ${reconciliation.indicator} is ${indicatorFigure}: the return is not built until they agree`, null);
  }
  const manifest: ReturnManifest = {
    return: kind, year: context.year.label, rulePack: run.pack, codeMap: map.year, builtOn: context.today, files: listed, reconciliation,
    queries: run.findings.filter((finding) => finding.kind === 'query').length,
  };
  files['manifest.json'] = `${JSON.stringify(manifest, null, 2)}\n`;
  return { manifest, files };
}
