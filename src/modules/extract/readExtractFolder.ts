/** @module Finds an extract's CSV files in its folder and reads each as UTF-8 CSV, reporting files the format does not know. */
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import { extractFileKinds, extractFileName, type ExtractFileKind, type ExtractProblem } from './extract.js';
import { csvRecords, type CsvSource, type CsvSyntaxError } from './parseCsv.js';
import { listOf } from './parseCells.js';

export interface ExtractTable {
  /** The name as it is on disk. */
  fileName: string;
  /**
   * Where the file is, until `parseExtractTable` reads it (undefined for a file that could not be read, reported). Its
   * bytes are read again then, a file at a time, rather than all held from the first file to the last (ADR 0065).
   */
  path?: string;
  /** About how many data rows it holds (`dataLines`), for the progress bar's total. */
  lines?: number;
  /** Undefined when the file is not UTF-8 (reported) or not yet parsed: nothing in it can be known. */
  csv?: CsvSource;
}

export interface ExtractFolder {
  tables: { [K in ExtractFileKind]?: ExtractTable };
  problems: ExtractProblem[];
}

const kindByFileName = new Map<string, ExtractFileKind>(extractFileKinds.map((kind) => [extractFileName(kind), kind]));

/** The line of the first character that is not UTF-8, in bytes that `isUtf8` refused. */
function firstLineNotUtf8(bytes: Uint8Array): number {
  const loose = new TextDecoder('utf-8').decode(bytes);
  const bad = loose.indexOf('\uFFFD');
  let line = 1;
  for (let at = loose.indexOf('\n'); at !== -1 && at < bad; at = loose.indexOf('\n', at + 1)) line++;
  return line;
}

/** What is wrong with a `.csv` name that is not an ordinary file, or undefined when it is one. */
function notAFile(entry: Dirent): string | undefined {
  if (entry.isFile()) return undefined;
  if (entry.isDirectory()) return 'is a folder, not a file: an extract holds its CSV files themselves';
  if (entry.isSymbolicLink()) return 'is a symbolic link, which the importer does not follow: copy the file itself into the extract folder';
  return 'is not an ordinary file (a device, pipe or socket): copy the CSV file itself into the extract folder';
}

/**
 * The bytes of an ordinary file, refusing a symbolic link put in its place since the folder was listed
 * (`O_NOFOLLOW`), or anything else that is not a file. Synchronous: a file is read again as its records are read.
 */
function readOrdinaryFile(path: string): Buffer | undefined {
  let handle: number;
  try {
    handle = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    return fstatSync(handle).isFile() ? readFileSync(handle) : undefined;
  } finally {
    closeSync(handle);
  }
}

/**
 * Read every CSV file in `folder`. File names are matched without regard to case (`Children.CSV` is
 * children.csv). A `.csv` file the format does not know (`childs.csv`) is a problem, not ignored: a
 * misspelt name must never silently drop a file's records. A folder, symbolic link or anything else that is
 * not an ordinary file under a `.csv` name is refused. Other files (a README, `.DS_Store`) and
 * sub-folders are left alone. children.csv must be there; any other file may be absent.
 * @example const { tables, problems } = await readExtractFolder('./extract', (file, done, total) => undefined)
 */
export async function readExtractFolder(folder: string, onFile: (fileName: string, done: number, total: number) => void = () => undefined): Promise<ExtractFolder> {
  const problems: ExtractProblem[] = [];
  const tables: ExtractFolder['tables'] = {};
  const folderStat = await stat(folder).catch(() => undefined);
  if (!folderStat?.isDirectory()) {
    problems.push({ file: folder, line: 0, column: '-', message: folderStat ? 'is not a folder' : 'there is no folder here' });
    return { tables, problems };
  }

  const entries = (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => entry.name.toLowerCase().endsWith('.csv'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const known: { fileName: string; kind: ExtractFileKind }[] = [];
  const refusedKinds = new Set<ExtractFileKind>();
  for (const entry of entries) {
    const fileName = entry.name;
    const kind = kindByFileName.get(fileName.toLowerCase());
    const wrongType = notAFile(entry);
    if (wrongType) {
      problems.push({ file: fileName, line: 0, column: '-', message: wrongType });
      if (kind) refusedKinds.add(kind);
    } else if (!kind) {
      problems.push({
        file: fileName,
        line: 0,
        column: '-',
        message: `is not a file of the extract format, and its rows would be lost: rename it to one of ${listOf(extractFileKinds.map(extractFileName))}, or move it out of the folder`,
      });
    } else if (known.some((other) => other.kind === kind)) {
      const other = known.find((candidate) => candidate.kind === kind);
      problems.push({ file: fileName, line: 0, column: '-', message: `is the same file as ${other?.fileName} (names are not case-sensitive): keep one` });
    } else {
      known.push({ fileName, kind });
    }
  }
  if (!known.some((file) => file.kind === 'children') && !refusedKinds.has('children')) {
    problems.push({ file: 'children.csv', line: 0, column: '-', message: 'is missing: every extract must have children.csv' });
  }

  let done = 0;
  for (const { fileName, kind } of known) {
    const path = join(folder, fileName);
    const bytes = readOrdinaryFile(path);
    if (!bytes) problems.push(unreadable(fileName));
    tables[kind] = bytes ? { fileName, path, lines: dataLines(bytes) } : { fileName };
    onFile(fileName, ++done, known.length);
  }
  return { tables, problems };
}

function unreadable(fileName: string): ExtractProblem {
  return { file: fileName, line: 0, column: '-', message: 'could not be read as an ordinary file (was it replaced by a link or a folder while importing?)' };
}

/**
 * About how many data rows a file holds, before it is parsed: its lines but the header (a quoted cell over
 * several lines counts each), for the progress bar's total.
 * @example dataLines(Buffer.from('child_id\nA\nB\n')) // 2
 */
export function dataLines(bytes: Buffer): number {
  let lines = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 10) lines++;
  return Math.max(0, lines - 1);
}

/** About how many bytes of a file are decoded at a time: each part's text is made and let go while young (ADR 0065). */
const bytesPerPart = 32 * 1024;

/**
 * A file's text in parts of about `bytesPerPart`, each ending just after a line feed (never inside a character: a line
 * feed is one byte in UTF-8 and in no other character's bytes). The bytes must be UTF-8, checked beforehand.
 */
function* textParts(bytes: Buffer): Generator<string> {
  const decoder = new TextDecoder('utf-8');
  // Only the file's first part may start with a byte-order mark to drop; anywhere else U+FEFF is text.
  const inner = new TextDecoder('utf-8', { ignoreBOM: true });
  for (let from = 0; from < bytes.length; ) {
    const lineEnd = bytes.indexOf(10, Math.min(from + bytesPerPart, bytes.length) - 1);
    const to = lineEnd === -1 ? bytes.length : lineEnd + 1;
    yield (from === 0 ? decoder : inner).decode(bytes.subarray(from, to));
    from = to;
  }
}

/**
 * Read a file's bytes, check they are UTF-8 and make ready to read its CSV records one at a time (`table.csv`: they are decoded
 * and split as they are read, a part of the file at a time, so neither its whole text nor its raw cells are ever held
 * at once); the bytes are let go once read. Answers the file's encoding problem, if any; its quoting problems are in
 * `table.csv.errors` once its records have been read (`csvProblems`).
 * @example const problems = parseExtractTable(table) // table.csv now reads its records
 */
export function parseExtractTable(table: ExtractTable): ExtractProblem[] {
  const { fileName, path } = table;
  if (!path) return [];
  table.path = undefined;
  const bytes = readOrdinaryFile(path);
  if (!bytes) return [unreadable(fileName)];
  if (!isUtf8(bytes)) {
    // Refused, not decoded loosely: a file saved as Windows-1252 would otherwise load with its £ and ë mangled.
    return [{ file: fileName, line: firstLineNotUtf8(bytes), column: '-', message: 'is not UTF-8 (the first character that is not is on this line): save the file as UTF-8' }];
  }
  const errors: CsvSyntaxError[] = [];
  table.csv = { records: csvRecords(textParts(bytes), errors), errors };
  return [];
}

/**
 * A file's quoting problems, once its records have been read.
 * @example problems.push(...csvProblems(table))
 */
export function csvProblems(table: ExtractTable): ExtractProblem[] {
  return (table.csv?.errors ?? []).map((error) => ({ file: table.fileName, line: error.line, column: '-', message: error.message }));
}
