/**
 * @module The extract's values that name an entry of a reference list (ADR 0029): school clusters, teams and worker IDs.
 * Before writing, each is mapped onto its list (case and spaces ignored); values on no list are added to it and reported.
 */
import type { Queryable } from '../../db/database.js';
import type { ReferenceList } from '../references/referenceList.js';
import { listWords } from '../references/referenceList.js';
import type { NewReferenceValue, ReferenceService } from '../references/referenceService.js';
import { extractFileName, type ExtractFileKind, type ReadExtract } from './extract.js';

/** Which column of which file names an entry of which list. */
const namedColumns: readonly { list: ReferenceList; kind: ExtractFileKind; column: string }[] = [
  { list: 'school_cluster', kind: 'children', column: 'school_cluster' },
  { list: 'school_cluster', kind: 'referrals', column: 'school_cluster' },
  { list: 'team', kind: 'cases', column: 'team' },
  { list: 'worker', kind: 'cases', column: 'worker_id' },
];

type Row = Record<string, unknown> & { line: number };

function rowsOf(extract: ReadExtract, kind: ExtractFileKind): Row[] {
  return (extract[kind]?.rows ?? []) as unknown as Row[];
}

/**
 * Map every named value in the extract onto its list, in the import's transaction, changing the rows to hold what
 * records hold for the entry; answer the values added as new entries.
 * @example const added = await mapReferenceValues(tx, extract, references)
 */
export async function mapReferenceValues(tx: Queryable, extract: ReadExtract, references: Pick<ReferenceService, 'mapValues'>): Promise<NewReferenceValue[]> {
  const added: NewReferenceValue[] = [];
  const lists = [...new Set(namedColumns.map((named) => named.list))];
  for (const list of lists) {
    const values = new Map<string, string[]>();
    const columns = namedColumns.filter((named) => named.list === list);
    for (const { kind, column } of columns) {
      for (const row of rowsOf(extract, kind)) {
        const value = row[column];
        if (typeof value !== 'string' || !value.trim()) continue;
        const rows = values.get(value) ?? [];
        rows.push(`${extractFileName(kind)} line ${row.line}`);
        values.set(value, rows);
      }
    }
    if (values.size === 0) continue;
    const mapped = await references.mapValues(tx, list, values);
    for (const { kind, column } of columns) {
      for (const row of rowsOf(extract, kind)) {
        const value = row[column];
        if (typeof value === 'string' && mapped.recorded.has(value)) row[column] = mapped.recorded.get(value);
      }
    }
    added.push(...mapped.added);
  }
  return added;
}

/** How many of a new value's rows the import summary names; the rest are counted. */
const namedRows = 10;

/**
 * One line of the import summary for a value added to a list: the first ten rows that carry it, and how many more
 * (a first load's clusters and teams are on every row).
 * @example describeNewValue({ list: 'school_cluster', value: 'Belmnot', rows: ['children.csv line 4', 'children.csv line 9'] })
 * // 'school cluster “Belmnot”: children.csv lines 4, 9'
 */
export function describeNewValue(added: NewReferenceValue): string {
  const byFile = new Map<string, string[]>();
  for (const row of added.rows.slice(0, namedRows)) {
    const [file, line] = row.split(' line ');
    const lines = byFile.get(file!) ?? [];
    lines.push(line!);
    byFile.set(file!, lines);
  }
  const where = [...byFile].map(([file, lines]) => `${file} ${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}`).join('; ');
  const more = added.rows.length - namedRows;
  return `${listWords[added.list].one} “${added.value}”: ${where}${more > 0 ? ` and ${more.toLocaleString('en-GB')} more ${more === 1 ? 'row' : 'rows'}` : ''}`;
}
