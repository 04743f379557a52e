/**
 * @module The extract's values that name an entry of a reference list (ADR 0029): school clusters, teams and worker IDs.
 * Before writing, each is mapped onto its list (case and spaces ignored); values on no list are added to it and reported.
 */
import type { Queryable } from '../../db/database.js';
import type { ReferenceList } from '../references/referenceList.js';
import { listWords } from '../references/referenceList.js';
import { namedRowsOfAValue, type NewReferenceValue, type ReferenceService, type RowsOfAValue } from '../references/referenceService.js';
import { extractFileName, type ExtractFileKind, type ReadExtract, type ReadRows } from './extract.js';

/** Which column of which file names an entry of which list. */
const namedColumns: readonly { list: ReferenceList; kind: ExtractFileKind; column: string }[] = [
  { list: 'school_cluster', kind: 'children', column: 'school_cluster' },
  { list: 'school_cluster', kind: 'referrals', column: 'school_cluster' },
  { list: 'team', kind: 'cases', column: 'team' },
  { list: 'worker', kind: 'cases', column: 'worker_id' },
];

/** The rows of a file, each with its values by column name (what the mapping reads and writes back). */
type Rows = ReadRows<Record<string, unknown>>;

function rowsOf(extract: ReadExtract, kind: ExtractFileKind): Rows | undefined {
  return extract[kind]?.rows as Rows | undefined;
}

/**
 * Map every named value in the extract onto its list, in the import's transaction, changing the rows to hold what
 * records hold for the entry; answer the values added as new entries. Each value's rows are counted and the first
 * few named, not all listed: a first load's school clusters and teams are on every row.
 * @example const added = await mapReferenceValues(tx, extract, references)
 */
export async function mapReferenceValues(tx: Queryable, extract: ReadExtract, references: Pick<ReferenceService, 'mapValues'>): Promise<NewReferenceValue[]> {
  const added: NewReferenceValue[] = [];
  const lists = [...new Set(namedColumns.map((named) => named.list))];
  for (const list of lists) {
    const values = new Map<string, RowsOfAValue>();
    const columns = namedColumns.filter((named) => named.list === list);
    for (const { kind, column } of columns) {
      rowsOf(extract, kind)?.forEachValue(column, (value, line) => {
        if (typeof value !== 'string' || !value.trim()) return;
        const where = values.get(value) ?? { rowCount: 0, rows: [] };
        where.rowCount++;
        if (where.rows.length < namedRowsOfAValue) where.rows.push(`${extractFileName(kind)} line ${line}`);
        values.set(value, where);
      });
    }
    if (values.size === 0) continue;
    const mapped = await references.mapValues(tx, list, values);
    for (const { kind, column } of columns) {
      const rows = rowsOf(extract, kind);
      if (!rows) continue;
      // Rows are held packed (ADR 0065): a row whose value changes is unpacked and written back; the rest are left as they are.
      const changed: number[] = [];
      rows.forEachValue(column, (value, _line, index) => {
        if (typeof value === 'string' && mapped.recorded.has(value) && mapped.recorded.get(value) !== value) changed.push(index);
      });
      for (const index of changed) {
        const row = rows.at(index)!;
        row[column] = mapped.recorded.get(row[column] as string);
        rows.set(index, row);
      }
    }
    added.push(...mapped.added);
  }
  return added;
}

/**
 * One line of the import summary for a value added to a list: the first ten rows that carry it, and how many more
 * (a first load's clusters and teams are on every row).
 * @example describeNewValue({ list: 'school_cluster', value: 'Belmnot', rowCount: 2, rows: ['children.csv line 4', 'children.csv line 9'] })
 * // 'school cluster “Belmnot”: children.csv lines 4, 9'
 */
export function describeNewValue(added: NewReferenceValue): string {
  const byFile = new Map<string, string[]>();
  for (const row of added.rows.slice(0, namedRowsOfAValue)) {
    const [file, line] = row.split(' line ');
    const lines = byFile.get(file!) ?? [];
    lines.push(line!);
    byFile.set(file!, lines);
  }
  const where = [...byFile].map(([file, lines]) => `${file} ${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}`).join('; ');
  const more = added.rowCount - Math.min(added.rows.length, namedRowsOfAValue);
  return `${listWords[added.list].one} “${added.value}”: ${where}${more > 0 ? ` and ${more.toLocaleString('en-GB')} more ${more === 1 ? 'row' : 'rows'}` : ''}`;
}
