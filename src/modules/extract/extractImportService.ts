/** @module PLACEHOLDER — replaced by the importer: loads an extract folder in one transaction. */
import type { Database } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { Actor } from '../users/user.js';

export interface ExtractProblem {
  file: string;
  line: number;
  column: string;
  message: string;
}

export interface FileSummary {
  added: number;
  updated: number;
  unchanged: number;
}

export interface ImportProgress {
  stage: 'reading' | 'checking' | 'writing';
  file: string;
  done: number;
  total: number;
}

export type ImportOutcome =
  | { ok: true; summary: Record<string, FileSummary>; rows: number; milliseconds: number }
  | { ok: false; problems: ExtractProblem[] };

export function extractImportService(db: Database, audit: AuditService) {
  return {
    async importFolder(actor: Actor, folder: string, options: { onProgress?: (progress: ImportProgress) => void } = {}): Promise<ImportOutcome> {
      void db; void audit; void actor; void folder; void options;
      throw new Error('importer not written yet');
    },
  };
}
export type ExtractImportService = ReturnType<typeof extractImportService>;
