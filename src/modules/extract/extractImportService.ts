/**
 * @module Loads an extract folder (extract-format.md v1): every problem found and listed before anything is
 * written, then all of it in one transaction or none of it, and safe to repeat.
 */
import { basename, resolve } from 'node:path';
import type { Database, Queryable } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { Actor } from '../../platform/access/user.js';
import {
  completeRows,
  extractFileName,
  type ExtractFileKind,
  type ExtractProblem,
  type ExtractRecords,
  type FileSummary,
  type ImportProgress,
  type ReadExtract,
} from './extract.js';
import { extractRepository, type ExtractRepository } from './extractRepository.js';
import { limitProblems, sortProblems } from './extractProblem.js';
import { readExtract } from './readExtract.js';
import { readExtractFolder } from './readExtractFolder.js';
import { databaseQuestions, validateExtract } from './validateExtract.js';
import { readBenchmarkFile } from './benchmarkFile.js';
import type { NewReferenceValue, ReferenceService } from '../references/referenceService.js';
import { mapReferenceValues } from './referenceValues.js';

export type { ExtractProblem, FileSummary, ImportProgress } from './extract.js';

export type ImportOutcome =
  | {
      ok: true;
      summary: Record<string, FileSummary>;
      rows: number;
      milliseconds: number;
      /** Values on no reference list, added to it so an administrator can merge a typo (ADR 0029). */
      newReferenceValues: NewReferenceValue[];
    }
  | {
      ok: false;
      /** Sorted, at most 100 a file, each cut file ending with a line counting the rest. */
      problems: ExtractProblem[];
      /** Every problem found, listed or not. */
      problemCount: number;
    };

/** The order rows are written in, so that every foreign key finds what it points at. */
const writeOrder: readonly ExtractFileKind[] = [
  'authority',
  'population',
  'children',
  'providers',
  'looked_after',
  'placements',
  'cases',
  'referrals',
  'cp_registrations',
  'scra_referrals',
  'benchmarks',
];

const fileOfTable: Record<string, string> = {
  authority: 'authority.csv',
  population: 'population.csv',
  families: 'children.csv',
  children: 'children.csv',
  cases: 'cases.csv',
  referrals: 'referrals.csv',
  looked_after_episodes: 'looked_after.csv',
  placements: 'placements.csv',
  providers: 'providers.csv',
  cp_registrations: 'cp_registrations.csv',
  scra_referrals: 'scra_referrals.csv',
  benchmarks: 'benchmarks.csv',
};

/** Thrown inside the transaction to roll it back when the checks find problems. */
class ExtractRefused extends Error {
  constructor(readonly problems: ExtractProblem[]) {
    super(`the extract has ${problems.length} problems`);
  }
}

/**
 * A constraint the checks should have caught but the database caught instead (data exceptions, class
 * 22, and integrity violations, class 23): reported as a problem, not a crash. Anything else (the
 * connection lost, say) is not the extract's fault and is thrown on.
 */
function databaseRefusal(error: unknown, writingFile: string): ExtractProblem | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, table, message, detail } = error as { code?: unknown; table?: unknown; message?: unknown; detail?: unknown };
  if (typeof code !== 'string' || !/^2[23][0-9A-Z]{3}$/.test(code)) return undefined;
  const file = (typeof table === 'string' && fileOfTable[table]) || writingFile;
  const more = typeof detail === 'string' && detail ? ` (${detail})` : '';
  return { file, line: 0, column: '-', message: `the database refused the import: ${String(message)}${more}` };
}

function familyIds(extract: ReadExtract): string[] {
  const ids = new Set<string>();
  extract.children?.rows.forEachValue('family_id', (familyId) => {
    if (familyId) ids.add(familyId);
  });
  return [...ids];
}

function placementIds(extract: ReadExtract): string[] {
  const ids: string[] = [];
  extract.placements?.rows.forEachValue('placement_id', (placementId) => {
    if (placementId) ids.push(placementId);
  });
  return ids;
}

/**
 * The importer. The repository may be swapped in tests (to see the database catch what the checks did not).
 * `afterEachStage`, when given, is called once the extract has been read and checked and again after each file's
 * rows are written: `cairn import` on PGlite collects its garbage there, so its peak is what it holds (ADR 0073).
 * @example const extractImport = extractImportService(db, audit)
 */
export function extractImportService(
  db: Database,
  audit: AuditService,
  repository: ExtractRepository = extractRepository(),
  references?: Pick<ReferenceService, 'mapValues'>,
  afterEachStage: () => void = () => undefined,
) {
  async function writeExtract(tx: Queryable, extract: ReadExtract, rows: number, onProgress: (progress: ImportProgress) => void, writing: { file: string }) {
    const summary: Record<string, FileSummary> = {};
    let done = 0;
    const writeFile = async <K extends ExtractFileKind>(kind: K) => {
      const file = extract[kind];
      if (!file) return;
      writing.file = file.fileName;
      onProgress({ stage: 'writing', file: file.fileName, done, total: rows });
      // Only reached with no problems anywhere: every row is complete.
      summary[extractFileName(kind)] = await repository.write(tx, kind, completeRows<ExtractRecords[K]>(file), (written) => {
        done += written;
        onProgress({ stage: 'writing', file: file.fileName, done, total: rows });
      }, file.absentColumns);
      afterEachStage();
    };
    for (const kind of writeOrder) {
      if (kind === 'children') {
        writing.file = 'children.csv';
        await repository.addFamilies(tx, familyIds(extract));
      }
      await writeFile(kind);
    }
    return summary;
  }

  return {
    /**
     * Read an uploaded benchmarks.csv by the importer's own rules (see benchmarkFile.ts); nothing is written.
     * @example extractImport.readBenchmarkFile('benchmarks.csv', bytes).rows // [{ year: 2021, indicator: 'lac.rate_per_1000', … }]
     */
    readBenchmarkFile,

    /**
     * Import the extract in `folder`, or refuse it with every problem found and write nothing but an
     * `import.refused` audit event. Records with the same id as stored ones replace them; nothing is deleted.
     * @example
     * const outcome = await services.extractImport.importFolder({ kind: 'system', name: 'cli' }, './extract')
     * if (!outcome.ok) outcome.problems.map(formatProblem).forEach((line) => console.error(line))
     */
    async importFolder(actor: Actor, folder: string, options: { onProgress?: (progress: ImportProgress) => void } = {}): Promise<ImportOutcome> {
      const started = performance.now();
      const onProgress = options.onProgress ?? (() => undefined);
      const folderName = basename(resolve(folder));
      const refuse = async (problems: ExtractProblem[]): Promise<ImportOutcome> => {
        await audit.record(actor, { action: 'import.refused', subject: folderName, details: { folder: folderName, problems: problems.length } });
        return { ok: false, problems: limitProblems(problems), problemCount: problems.length };
      };

      const found = await readExtractFolder(folder, (file, done, total) => onProgress({ stage: 'reading', file, done, total }));
      const { extract, problems, rows } = readExtract(found, onProgress);
      afterEachStage();
      if (problems.some((problem) => problem.file === folder)) return refuse(sortProblems(problems));

      const writing = { file: '-' };
      try {
        const summary = await db.transaction(async (tx) => {
          await repository.lockImports(tx);
          const state = await repository.databaseState(tx, databaseQuestions(extract));
          const all = sortProblems([...problems, ...validateExtract(extract, state)]);
          if (all.length > 0) throw new ExtractRefused(all);
          // Teams, school clusters and workers land on their reference lists' entries, however the extract spells them.
          const newValues = references ? await mapReferenceValues(tx, extract, references) : [];
          await repository.checkPlacementsOnce(tx);
          const putBack = await repository.setAsideForFirstLoad(tx, writeOrder.filter((kind) => extract[kind]));
          const written = await writeExtract(tx, extract, rows, onProgress, writing);
          writing.file = '-';
          await repository.restoreAfterFirstLoad(tx, putBack);
          // Each new list value with how many rows carry it and the first few: a first load's school clusters and teams
          // are on every row, and the event would otherwise hold every line of the extract (megabytes, hashed into the chain).
          await audit.record(actor, { action: 'import.completed', subject: folderName, details: { folder: folderName, summary: written, rows, newReferenceValues: newValues } }, tx);
          // What the placement triggers would check at commit, checked once for every placement written (migration 0051).
          writing.file = 'placements.csv';
          await repository.checkPlacements(tx, placementIds(extract));
          // Other deferred constraints (an episode no longer containing its placements) fail at commit.
          writing.file = '-';
          return { written, newValues };
        });
        const changed = writeOrder.filter((kind) => {
          const counts = summary.written[extractFileName(kind)];
          return counts !== undefined && counts.added + counts.updated > 0;
        });
        await repository.refreshStatistics(db, changed);
        return { ok: true, summary: summary.written, rows, milliseconds: Math.round(performance.now() - started), newReferenceValues: summary.newValues };
      } catch (error) {
        if (error instanceof ExtractRefused) return refuse(error.problems);
        const refusal = databaseRefusal(error, writing.file);
        if (!refusal) throw error;
        return refuse([refusal]);
      }
    },
  };
}
export type ExtractImportService = ReturnType<typeof extractImportService>;
