/** @module Reads every file of an extract folder into typed rows, with every problem found within the files. */
import { fileRules } from './columns.js';
import { extractFileKinds, extractFileName, type ExtractFileKind, type ExtractProblem, type ExtractRecords, type ImportProgress, type ReadExtract, type ReadFile } from './extract.js';
import { csvProblems, parseExtractTable, type ExtractFolder, type ExtractTable } from './readExtractFolder.js';
import { readRecords } from './readRecords.js';

function readFileOfKind<K extends ExtractFileKind>(kind: K, table: ExtractTable): { file: ReadFile<ExtractRecords[K]>; problems: ExtractProblem[] } {
  return readRecords(extractFileName(kind), fileRules[kind], table);
}

function put<K extends ExtractFileKind>(extract: ReadExtract, kind: K, file: ReadFile<ExtractRecords[K]>): void {
  extract[kind] = file;
}

/**
 * Parse and check each file on its own, one file at a time and each record as it is read (its raw cells let go at
 * once, so the extract is never held twice): quoting, header, cells, unique ids, dates in order.
 * @example const { extract, problems, rows } = readExtract(await readExtractFolder(folder), onProgress)
 */
export function readExtract(folder: ExtractFolder, onProgress: (progress: ImportProgress) => void = () => undefined): { extract: ReadExtract; problems: ExtractProblem[]; rows: number } {
  const extract: ReadExtract = {};
  const problems = [...folder.problems];
  const present = extractFileKinds.filter((kind) => folder.tables[kind]);
  const lines = new Map<ExtractTable, number>();
  for (const kind of present) lines.set(folder.tables[kind]!, folder.tables[kind]!.lines ?? 0);
  const total = [...lines.values()].reduce((sum, count) => sum + count, 0);
  let done = 0;
  for (const kind of present) {
    const table = folder.tables[kind];
    if (!table) continue;
    problems.push(...parseExtractTable(table));
    const read = readFileOfKind(kind, table);
    put(extract, kind, read.file);
    problems.push(...csvProblems(table), ...read.problems);
    done += lines.get(table) ?? 0;
    // Its typed rows are all that is needed from here on: let the raw cells go rather than hold the extract twice.
    table.csv = { records: [], errors: [] };
    onProgress({ stage: 'checking', file: table.fileName, done, total });
  }
  const rows = present.reduce((sum, kind) => sum + (extract[kind]?.rows.length ?? 0), 0);
  return { extract, problems, rows };
}
