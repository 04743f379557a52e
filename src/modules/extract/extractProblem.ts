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
