/** @module `cairn import <folder>`: load an extract, or list every problem with it and load nothing. */
import { stat } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import type { Command, CommandIo } from '../command.js';
import { UsageError } from '../command.js';
import { resolve } from 'node:path';
import { locallyOrByServer } from '../runningServer.js';
import { withDatabase, withImporter } from '../openServices.js';
import { collectGarbage } from '../../platform/memory/collectGarbage.js';
import { returnsService } from '../../modules/returns/returnsService.js';
import { figuresKeptAfterImport, statsService } from '../../modules/reporting/statsService.js';
import { formatProblem } from '../../modules/extract/extractProblem.js';
import { describeNewValue } from '../../modules/extract/referenceValues.js';
import type { FileSummary, ImportProgress } from '../../modules/extract/extractImportService.js';

const stageNames: Record<ImportProgress['stage'], string> = { reading: 'Reading', checking: 'Checking', writing: 'Writing' };

/** A bar on stderr when a person is watching; nothing when output goes to a file or a pipe. */
function progressBar(io: CommandIo): { update(progress: ImportProgress): void; stop(): void } {
  if (!io.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: io.stderr, format: '{stage} [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let stage: ImportProgress['stage'] | undefined;
  return {
    update(progress) {
      const payload = { stage: stageNames[progress.stage].padEnd(8), file: progress.file };
      if (progress.stage !== stage) {
        if (stage) bar.stop();
        stage = progress.stage;
        bar.start(progress.total, progress.done, payload);
      } else {
        bar.setTotal(progress.total);
        bar.update(progress.done, payload);
      }
    },
    stop() {
      if (stage) bar.stop();
    },
  };
}

function summaryTable(summary: Record<string, FileSummary>): string {
  const width = Math.max(4, ...Object.keys(summary).map((file) => file.length));
  const lines = [`  ${'file'.padEnd(width)}  ${'added'.padStart(8)}  ${'updated'.padStart(8)}  ${'unchanged'.padStart(9)}`];
  for (const [file, counts] of Object.entries(summary)) {
    lines.push(`  ${file.padEnd(width)}  ${String(counts.added).padStart(8)}  ${String(counts.updated).padStart(8)}  ${String(counts.unchanged).padStart(9)}`);
  }
  return lines.join('\n');
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Load an extract folder (extract-format.md): all of it or, if anything is wrong, none of it',
  usage: 'cairn import <folder>',
  async run(args, io) {
    if (args.length === 0) throw new UsageError('say which folder to import');
    if (args.length > 1) throw new UsageError(`import one folder at a time (given ${args.length})`);
    const folder = args[0];
    if (folder.startsWith('-')) throw new UsageError(`there is no option ${folder}`);
    const found = await stat(folder).catch(() => undefined);
    if (!found) throw new UsageError(`there is no folder ${folder}`);
    if (!found.isDirectory()) throw new UsageError(`${folder} is a file: give the folder holding the extract's CSV files`);

    const bar = progressBar(io);
    const outcome = await locallyOrByServer(
      io,
      () => withImporter(io.env, async (importer) => {
        try {
          return await importer.extractImport.importFolder({ kind: 'system', name: 'cli' }, folder, { onProgress: (progress) => bar.update(progress) });
        } finally {
          bar.stop();
        }
      }),
      async (server) => {
        try {
          return await server.import(resolve(folder), (progress) => bar.update(progress));
        } finally {
          bar.stop();
        }
      },
    );

    if (!outcome.ok) {
      for (const problem of outcome.problems) io.stderr.write(`${formatProblem(problem)}\n`);
      const count = outcome.problemCount ?? outcome.problems.length;
      io.stderr.write(`cairn import: refused ${folder}: ${count} ${count === 1 ? 'problem' : 'problems'}, nothing was imported\n`);
      return 1;
    }
    const seconds = outcome.milliseconds / 1000;
    const rate = seconds > 0 ? ` (${Math.round(outcome.rows / seconds)} rows/s)` : '';
    io.stdout.write(`Imported ${folder}: ${outcome.rows} rows in ${seconds.toFixed(1)} s${rate}\n${summaryTable(outcome.summary)}\n`);
    // An analyst merges a typo'd value into its entry on the reference lists' pages (ADR 0029).
    const added = outcome.newReferenceValues ?? [];
    if (added.length) io.stdout.write(`New values added to reference lists (${added.length}):\n${added.map((value) => `  ${describeNewValue(value)}\n`).join('')}`);
    // The returns' rules run after every import, so a problem the extract brought in is seen the day it arrives (and
    // the run's counts are kept for the data quality page). Every census year's figures are worked out and kept too
    // (ADR 0062), so the next `cairn stats` and the dashboards find them instead of working them out. After the check:
    // its run is a change to the records, which a result kept before it would not outlive.
    const run = await locallyOrByServer(
      io,
      // Reads, noting what it found: PGlite's smaller buffers, as for `cairn returns check` and `cairn stats` (ADR 0061).
      // What the import let go is collected before the rules read every record, on either engine: V8 sets when the next
      // full collection starts as it ends one, and on PostgreSQL (where the import collects nothing between its stages,
      // ADR 0073) the last had ended early in the import, so the rules ran the command past 500 MB one run in two (ADR 0079).
      () => withDatabase(io.env, async (db) => {
        collectGarbage();
        const checked = await returnsService(db).check({ trigger: 'import' });
        await statsService(db).compute(figuresKeptAfterImport);
        return checked;
      }, { reads: true }),
      async (server) => {
        const checked = await server.returnsCheck({ trigger: 'import' });
        await server.stats(figuresKeptAfterImport);
        return checked;
      },
    );
    const errors = run.findings.filter((finding) => finding.kind === 'error').length;
    io.stdout.write(`Returns check for ${run.year}: ${errors} errors, ${run.findings.length - errors} queries, ${run.failed.length} rules failed (cairn returns check lists them)\n`);
    return 0;
  },
};
