/**
 * @module The importer and what it stands on, built without the rest of Cairn: `cairn import` loads only these modules
 * (about 10 MB) rather than every module and the libraries the web app's pages and documents need (about 100 MB of the
 * process's memory, issue 15 item 5). The composition root builds the importer here too, so it is wired once.
 */
import type { Database } from './db/database.js';
import { auditRepository } from './modules/audit/auditRepository.js';
import { auditService, type AuditService } from './modules/audit/auditService.js';
import { extractImportService } from './modules/extract/extractImportService.js';
import { referenceRepository } from './modules/references/referenceRepository.js';
import { referenceService } from './modules/references/referenceService.js';

/** How the importer is run: `afterEachStage` is called between its stages (see extractImportService). */
export interface ImporterUse {
  afterEachStage?: () => void;
}

/**
 * The importer, the reference lists it maps values onto (ADR 0029) and the audit they record to.
 * @example const { extractImport } = buildImporter(db); await extractImport.importFolder(actor, './extract')
 */
export function buildImporter(db: Database, audit: AuditService = auditService(db, auditRepository()), use: ImporterUse = {}) {
  const references = referenceService(db, referenceRepository(), audit);
  const extractImport = extractImportService(db, audit, undefined, references, use.afterEachStage);
  return { audit, references, extractImport };
}
export type Importer = ReturnType<typeof buildImporter>;
