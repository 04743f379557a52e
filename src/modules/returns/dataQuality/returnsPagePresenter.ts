/** @module The returns page's words: a built return's files to download, or the errors that stop it. */
import { paths } from '../../../platform/http/paths.js';
import { numberOf } from '../../../platform/dates/formats.js';
import type { BuiltReturn, ReturnRefusedError } from '../buildReturn.js';

/** Each file of a built return (the manifest last), its rows and its download link; the reconciliation in words. */
export function presentReturn(built: BuiltReturn) {
  const { manifest } = built;
  const link = (fileName: string) => paths.dataQuality.returnFile({ kind: manifest.return, year: manifest.year, fileName });
  return {
    files: [
      ...manifest.files.map((file) => ({ name: file.name, level: file.level, rows: numberOf(file.rows), href: link(file.name) })),
      { name: 'manifest.json', level: 'What was built, with which rules and code map', rows: '', href: link('manifest.json') },
    ],
    reconciliation: `${numberOf(manifest.reconciliation.fromReturn)} on ${manifest.reconciliation.census} in the return, and ${numberOf(manifest.reconciliation.fromIndicator)} by the indicator ${manifest.reconciliation.indicator}: they agree.`,
    queries: manifest.queries,
    rulePack: manifest.rulePack,
    codeMap: manifest.codeMap,
    issuesHref: paths.dataQuality.issues({ year: manifest.year, kind: 'query' }),
  };
}

/** Why the return is not built: each failing error rule with its count, linking to its issues; rules that failed; or the totals. */
export function presentRefusal(refused: ReturnRefusedError, year: string) {
  const counts = new Map<string, { code: string; message: string; issues: number }>();
  for (const finding of refused.run?.findings ?? []) {
    if (finding.kind !== 'error') continue;
    const count = counts.get(finding.code) ?? { code: finding.code, message: finding.message, issues: 0 };
    count.issues += 1;
    counts.set(finding.code, count);
  }
  return {
    message: refused.message,
    errors: [...counts.values()].sort((a, b) => a.code.localeCompare(b.code)).map((count) => ({
      ...count, issues: numberOf(count.issues), href: paths.dataQuality.issues({ year, code: count.code, kind: 'error' }),
    })),
    failed: refused.run?.failed ?? [],
    allHref: paths.dataQuality.issues({ year, kind: 'error' }),
  };
}
