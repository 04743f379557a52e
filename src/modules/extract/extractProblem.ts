/** @module Problems with an extract: how one is written for the user, and the order a list of them is shown in. */
import { extractFileKinds, extractFileName, type ExtractProblem } from './extract.js';

/**
 * Write a problem the way compilers do, so editors and grep can jump to it.
 * @example formatProblem({ file: 'children.csv', line: 3, column: 'date_of_birth', message: '"2021-02-30" is not a real date' })
 * // 'children.csv:3: date_of_birth: "2021-02-30" is not a real date'
 */
export function formatProblem(problem: ExtractProblem): string {
  return `${problem.file}:${problem.line}: ${problem.column}: ${problem.message}`;
}

const fileRank = new Map<string, number>(extractFileKinds.map((kind, index) => [extractFileName(kind), index + 1]));

function rankOf(file: string): number {
  if (file === '-') return 0;
  return fileRank.get(file.toLowerCase()) ?? extractFileKinds.length + 1;
}

/**
 * Order problems by file (in extract-format.md's order, then any unknown files), then by line;
 * problems on the same line keep the order they were found in.
 * @example sortProblems(problems).map(formatProblem).join('\n')
 */
export function sortProblems(problems: readonly ExtractProblem[]): ExtractProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        rankOf(a.problem.file) - rankOf(b.problem.file) ||
        a.problem.file.localeCompare(b.problem.file) ||
        a.problem.line - b.problem.line ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}

/** The most problems listed for one file: past this, more lines help no one, and one line says how many are left. */
export const problemsListedPerFile = 100;

/**
 * A sorted list cut to `problemsListedPerFile` problems a file, each cut file ending with one line counting the rest.
 * @example limitProblems(sortProblems(problems)).map(formatProblem).at(-1)
 * // 'children.csv:0: -: and 4,900 more problems not listed: correct these and import again to see them'
 */
export function limitProblems(sorted: readonly ExtractProblem[]): ExtractProblem[] {
  const listed: ExtractProblem[] = [];
  let index = 0;
  while (index < sorted.length) {
    const file = sorted[index]!.file;
    let end = index;
    while (end < sorted.length && sorted[end]!.file === file) end++;
    listed.push(...sorted.slice(index, Math.min(end, index + problemsListedPerFile)));
    const rest = end - index - problemsListedPerFile;
    if (rest > 0) {
      const more = rest === 1 ? '1 more problem' : `${rest.toLocaleString('en-GB')} more problems`;
      listed.push({ file, line: 0, column: '-', message: `and ${more} not listed: correct these and import again to see them` });
    }
    index = end;
  }
  return listed;
}
