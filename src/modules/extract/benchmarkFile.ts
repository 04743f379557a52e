/** @module Reads an uploaded benchmarks.csv by the extract importer's own rules, plus one: every indicator must be one Cairn defines. */
import { fileRules } from './columns.js';
import type { ExtractProblem } from './extract.js';
import { sortProblems } from './extractProblem.js';
import { parseCsv } from './parseCsv.js';
import { readRecords } from './readRecords.js';
import { csvProblems } from './readExtractFolder.js';
import { indicatorById } from '../reporting/indicators/index.js';
import type { Benchmark } from '../reporting/benchmark.js';

/**
 * The file's rows, or every problem with it as `file:line: column: message` parts (nothing is kept from a file with any).
 * @example readBenchmarkFile('benchmarks.csv', 'year,indicator,area,value\n2021,lac.rate_per_1000,scotland,12.9\n') // { rows: [{ year: 2021, … }] }
 */
export function readBenchmarkFile(fileName: string, bytes: Buffer): { rows: Benchmark[]; problems?: undefined } | { rows?: undefined; problems: ExtractProblem[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problems: [{ file: fileName, line: 0, column: '-', message: 'is not UTF-8 text: save it as CSV UTF-8' }] };
  }
  const table = { fileName, csv: parseCsv(text) };
  const problems: ExtractProblem[] = csvProblems(table);
  const read = readRecords(fileName, fileRules.benchmarks, table);
  problems.push(...read.problems);
  for (const row of read.file.rows) {
    if (row.indicator !== undefined && !indicatorById(row.indicator)) {
      problems.push({ file: fileName, line: row.line, column: 'indicator', message: `"${row.indicator}" is not an indicator Cairn defines (for example lac.rate_per_1000)` });
    }
  }
  if (problems.length > 0) return { problems: sortProblems(problems) };
  if (read.file.rows.length === 0) return { problems: [{ file: fileName, line: 1, column: '-', message: 'has a header but no rows' }] };
  return { rows: [...read.file.rows].map((row) => ({ year: row.year!, indicator: row.indicator!, area: row.area!, value: row.value! })) };
}
