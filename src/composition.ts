/** @module The composition root: builds every repository and service from the settings and a database. */
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { auditRepository } from './modules/audit/auditRepository.js';
import { auditService } from './modules/audit/auditService.js';
import { userRepository } from './modules/users/userRepository.js';
import { userService } from './modules/users/userService.js';
import { oidcClient } from './modules/users/oidcClient.js';
import { draftRepository } from './modules/drafts/draftRepository.js';
import { draftService } from './modules/drafts/draftService.js';
import { childRepository } from './modules/children/childRepository.js';
import { childService } from './modules/children/childService.js';
import { authorityRepository } from './modules/authority/authorityRepository.js';
import { extractImportService } from './modules/extract/extractImportService.js';
import { statsService } from './modules/reporting/statsService.js';

/** @example const services = buildServices(config, db); await services.children.search(user, { name: 'Boyd' }) */
export function buildServices(config: Config, db: Database) {
  const audit = auditService(db, auditRepository());
  const authority = authorityRepository();
  return {
    config,
    db,
    audit,
    authority: { current: () => authority.current(db) },
    users: userService(db, userRepository(), audit, config),
    /** Single sign-on with the council's provider, when configured. */
    oidc: config.oidc ? oidcClient(config.oidc) : undefined,
    drafts: draftService(db, draftRepository()),
    children: childService(db, childRepository(), audit),
    extractImport: extractImportService(db, audit),
    stats: statsService(db),
  };
}
export type Services = ReturnType<typeof buildServices>;
