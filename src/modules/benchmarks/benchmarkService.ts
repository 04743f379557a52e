/** @module Loads an uploaded benchmarks.csv: every problem listed, or every row written in one transaction with its audit event. */
import type { Database } from '../../db/database.js';
import type { Actor } from '../../platform/access/user.js';
import type { AuditService } from '../audit/auditService.js';
import type { ExtractProblem } from '../extract/extract.js';
import { saveBenchmarks } from './benchmarkRepository.js';
import { readBenchmarkFile } from './benchmarkUpload.js';

export type BenchmarkUploadOutcome = { ok: true; rows: number; added: number; changed: number } | { ok: false; problems: ExtractProblem[] };

/** @example const outcome = await benchmarkService(db, audit).upload(actor, 'benchmarks.csv', bytes) */
export function benchmarkService(db: Database, audit: AuditService) {
  return {
    /**
     * Check the file and, if it is right, add or replace its rows; all or nothing. A refusal is audited too.
     * @example await benchmarkService(db, audit).upload({ kind: 'user', user }, 'benchmarks.csv', bytes) // { ok: true, rows: 42, added: 42, changed: 0 }
     */
    async upload(actor: Actor, fileName: string, bytes: Buffer): Promise<BenchmarkUploadOutcome> {
      const read = readBenchmarkFile(fileName, bytes);
      if (read.problems) {
        await audit.record(actor, { action: 'import.refused', subject: fileName, details: { file: fileName, problems: read.problems.length } });
        return { ok: false, problems: read.problems };
      }
      const rows = read.rows;
      const saved = await db.transaction(async (tx) => {
        const written = await saveBenchmarks(tx, rows);
        await audit.record(actor, { action: 'import.completed', subject: fileName, details: { file: fileName, rows: rows.length, ...written } }, tx);
        return written;
      });
      return { ok: true, rows: rows.length, ...saved };
    },
  };
}
export type BenchmarkService = ReturnType<typeof benchmarkService>;
