/** @module Loads an uploaded benchmarks.csv: every problem listed, or every row written in one transaction with its audit event. */
import type { Database } from '../../db/database.js';
import type { Actor } from '../../platform/access/user.js';
import type { AuditService } from '../audit/auditService.js';
import type { ExtractProblem } from '../extract/extract.js';
import type { Benchmark } from '../reporting/benchmark.js';
import type { BenchmarkRepository } from './benchmarkRepository.js';
import type { ExtractImportService } from '../extract/extractImportService.js';

export type BenchmarkUploadOutcome = { ok: true; rows: number; added: number; changed: number } | { ok: false; problems: ExtractProblem[] };

/** @example const outcome = await benchmarkService(db, benchmarkRepository(), extractImport, audit).upload(actor, 'benchmarks.csv', bytes) */
export function benchmarkService(db: Database, repository: BenchmarkRepository, extract: Pick<ExtractImportService, 'readBenchmarkFile'>, audit: AuditService) {
  return {
    /**
     * Published figures for these indicators, by indicator, year and area (the figures' BenchmarkSource).
     * @example await benchmarks.forIndicators(['lac.rate_per_1000']) // [{ year: 2021, indicator: 'lac.rate_per_1000', area: 'scotland', value: 12.9 }, …]
     */
    forIndicators(indicatorIds: readonly string[]): Promise<Benchmark[]> {
      return repository.forIndicators(db, indicatorIds);
    },
    tablesRead: ['benchmarks'],

    /**
     * Check the file and, if it is right, add or replace its rows; all or nothing. A refusal is audited too.
     * @example await benchmarkService(db, benchmarkRepository(), audit).upload({ kind: 'user', user }, 'benchmarks.csv', bytes) // { ok: true, rows: 42, added: 42, changed: 0 }
     */
    async upload(actor: Actor, fileName: string, bytes: Buffer): Promise<BenchmarkUploadOutcome> {
      const read = extract.readBenchmarkFile(fileName, bytes);
      if (read.problems) {
        await audit.record(actor, { action: 'import.refused', subject: fileName, details: { file: fileName, problems: read.problems.length } });
        return { ok: false, problems: read.problems };
      }
      const rows = read.rows;
      const saved = await db.transaction(async (tx) => {
        const written = await repository.save(tx, rows);
        await audit.record(actor, { action: 'import.completed', subject: fileName, details: { file: fileName, rows: rows.length, ...written } }, tx);
        return written;
      });
      return { ok: true, rows: rows.length, ...saved };
    },
  };
}
export type BenchmarkService = ReturnType<typeof benchmarkService>;
