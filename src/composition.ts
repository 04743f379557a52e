/** @module The composition root: builds every repository and service from the settings and a database. */
import type { Config } from './platform/config.js';
import type { Database } from './db/database.js';
import { auditRepository } from './modules/audit/auditRepository.js';
import { auditService } from './modules/audit/auditService.js';
import { userRepository } from './modules/users/userRepository.js';
import { userService } from './modules/users/userService.js';
import { sessionRepository } from './modules/users/sessionRepository.js';
import { sessionService } from './modules/users/sessionService.js';
import { accountService } from './modules/users/accountService.js';
import { roleGrantRepository } from './modules/users/roleGrantRepository.js';
import { oidcClient } from './modules/users/oidcClient.js';
import { amendmentRepository } from './platform/amendments/amendmentRepository.js';
import { draftRepository } from './platform/forms/drafts/draftRepository.js';
import { draftService } from './platform/forms/drafts/draftService.js';
import { submissionRepository } from './platform/forms/submissions/submissionRepository.js';
import { submissionService } from './platform/forms/submissions/submissionService.js';
import { childRepository } from './modules/children/childRepository.js';
import { childService } from './modules/children/childService.js';
import { authorityRepository } from './modules/authority/authorityRepository.js';
import { statsService } from './modules/reporting/statsService.js';
import { returnsService } from './modules/returns/returnsService.js';
import { dataQualityService } from './modules/returns/dataQuality/dataQualityService.js';
import { dataQualityRepository } from './modules/returns/dataQuality/dataQualityRepository.js';
import { safetyRepository } from './modules/safety/safetyRepository.js';
import { safetyService } from './modules/safety/safetyService.js';
import { lookedAfterRepository } from './modules/lookedAfter/lookedAfterRepository.js';
import { lookedAfterService } from './modules/lookedAfter/lookedAfterService.js';
import { resourceRepository } from './modules/resources/resourceRepository.js';
import { resourceService } from './modules/resources/resourceService.js';
import { surveyRepository } from './modules/surveys/surveyRepository.js';
import { surveyService } from './modules/surveys/surveyService.js';
import { protectionRepository } from './modules/protection/protectionRepository.js';
import { protectionService } from './modules/protection/protectionService.js';
import { commissioningRepository } from './modules/lookedAfter/commissioningRepository.js';
import { commissioningService } from './modules/lookedAfter/commissioningService.js';
import { scraRepository } from './modules/scra/scraRepository.js';
import { scraService } from './modules/scra/scraService.js';
import { supervisionOrderRepository } from './modules/scra/supervisionOrderRepository.js';
import { supervisionOrderService } from './modules/scra/supervisionOrderService.js';
import { referralRepository } from './modules/referrals/referralRepository.js';
import { referralService } from './modules/referrals/referralService.js';
import { familyFirstRepository } from './modules/familyFirst/familyFirstRepository.js';
import { familyFirstService } from './modules/familyFirst/familyFirstService.js';
import { familyFirstHandOver } from './modules/referrals/familyFirstHandOver.js';
import { clusterRepository } from './modules/clusters/clusterRepository.js';
import { clusterService } from './modules/clusters/clusterService.js';
import { caseloadRepository } from './modules/caseloads/caseloadRepository.js';
import { caseloadService } from './modules/caseloads/caseloadService.js';
import { chronologyRepository } from './modules/children/chronologyRepository.js';
import { chronologyService } from './modules/children/chronologyService.js';
import { mergeRepository } from './modules/children/mergeRepository.js';
import { mergeService } from './modules/children/mergeService.js';
import { keyPeopleRepository } from './modules/children/keyPeopleRepository.js';
import { keyPeopleService } from './modules/children/keyPeopleService.js';
import { restrictionRepository } from './modules/children/restrictionRepository.js';
import { restrictionService } from './modules/children/restrictionService.js';
import { benchmarkRepository } from './modules/benchmarks/benchmarkRepository.js';
import { dashboardService } from './modules/dashboards/dashboardService.js';
import { boardReportService } from './modules/boardReport/boardReportService.js';
import { caseFileAuditRepository } from './modules/caseFileAudits/caseFileAuditRepository.js';
import { caseFileAuditService } from './modules/caseFileAudits/caseFileAuditService.js';
import { benchmarkService } from './modules/benchmarks/benchmarkService.js';
import { trainingRepository } from './modules/training/trainingRepository.js';
import { trainingService } from './modules/training/trainingService.js';
import { qualityService } from './modules/quality/qualityService.js';
import { figuresService } from './modules/reporting/figuresService.js';
import { authorityService } from './modules/authority/authorityService.js';
import { boardPaperRepository } from './modules/boardPaper/boardPaperRepository.js';
import { boardPaperService } from './modules/boardPaper/boardPaperService.js';
import { buildImporter } from './importComposition.js';

/** @example const services = buildServices(config, db); await services.children.search(user, { name: 'Boyd' }) */
export function buildServices(config: Config, db: Database) {
  const audit = auditService(db, auditRepository());
  const authority = authorityService(db, authorityRepository());
  // Built once and shared: other services ask `children` who may see a child; the quality report reads the other three.
  const children = childService(db, childRepository(), audit, restrictionRepository());
  const surveys = surveyService(db, surveyRepository(), audit, amendmentRepository());
  // A step up or a closure is one action: Family First closes the case and refers on through referrals' hand-over.
  const familyFirst = familyFirstService(db, familyFirstRepository(), children, audit, amendmentRepository(), familyFirstHandOver(referralRepository()));
  const lookedAfter = lookedAfterService(db, lookedAfterRepository(), children, audit, amendmentRepository());
  const safety = safetyService(db, safetyRepository(), children, audit);
  const caseFileAudits = caseFileAuditService(db, caseFileAuditRepository(), safety, audit);
  const training = trainingService(db, trainingRepository(), audit, amendmentRepository());
  // The figures are worked out by one stats service over one benchmark source, shared by the dashboards and the board report.
  const stats = statsService(db);
  /** The reference lists forms choose from and the importer maps onto (ADR 0029). */
  const { references, extractImport } = buildImporter(db, audit);
  const benchmarks = benchmarkService(db, benchmarkRepository(), extractImport, audit);
  const figures = figuresService(stats, benchmarks);
  const resources = resourceService(db, resourceRepository(), children, audit, amendmentRepository());
  /** The quality report reads audits, surveys and training only through the contract (quality/qualitySources.ts). */
  const quality = qualityService({ audits: caseFileAudits, surveys, training, authority }, audit, undefined, db);
  const returns = returnsService(db);
  return {
    config,
    db,
    audit,
    authority,
    users: userService(db, userRepository(), audit, config),
    /** The account lifecycle: disable, enable, role and team, and role grants that wait for a second administrator. */
    accounts: accountService(db, userRepository(), sessionRepository(), roleGrantRepository(), audit),
    /** Server-side sessions: started at sign-in, resolved on every request, ended at sign-out or everywhere at once. */
    sessions: sessionService(db, sessionRepository(), audit, { lifetimeHours: config.sessionMaxHours, idleMinutes: config.idleTimeoutMinutes }),
    /** Single sign-on with the council's provider, when configured. */
    oidc: config.oidc ? oidcClient(config.oidc) : undefined,
    drafts: draftService(db, draftRepository(), config.draftKeepDays),
    /** Each form's token: a form sent twice is saved once (ADR 0085). */
    submissions: submissionService(db, submissionRepository()),
    children,
    extractImport,
    references,
    stats,
    /** The statutory returns' rules (issue 17). */
    returns,
    /** The data quality page: issues by team, worker and child, counts over time, "checked, correct" (ADR 0047). */
    dataQuality: dataQualityService(db, returns, dataQualityRepository(), audit),
    safety,
    lookedAfter,
    resources,
    protection: protectionService(db, protectionRepository(), children, audit, amendmentRepository()),
    commissioning: commissioningService(db, commissioningRepository(), children, audit),
    scra: scraService(db, scraRepository(), children, audit, amendmentRepository()),
    supervisionOrders: supervisionOrderService(db, supervisionOrderRepository(), scraRepository(), children, audit, lookedAfter, amendmentRepository()),
    referrals: referralService(db, referralRepository(), familyFirst, children, audit, { decisionTargetDays: config.referralDecisionDays }, amendmentRepository()),
    familyFirst,
    clusterOutcomes: clusterService(db, clusterRepository(), children, audit),
    caseloads: caseloadService(db, caseloadRepository(), children, audit),
    chronology: chronologyService(db, chronologyRepository(), children, audit),
    childMerges: mergeService(db, mergeRepository(), children, audit),
    keyPeople: keyPeopleService(db, keyPeopleRepository(), children, audit),
    /** Restricted records and break-glass (issue 16, ADR 0044). */
    restrictions: restrictionService(db, restrictionRepository(), audit),
    figures,
    dashboards: dashboardService(figures, db),
    boardReports: boardReportService(figures),
    /** Board paper editions: drafted section by section, published frozen (ADR 0030). */
    boardPapers: boardPaperService(db, boardPaperRepository(), figures, audit, [
      { placeableTables: () => quality.paperTables({ kind: 'system', name: 'board paper' }) },
      { placeableTables: (options) => resources.paperTables(options) },
    ]),
    benchmarks,
    /** Surveys of families and staff; listWaves and compareWaves are the quality report's contract. */
    surveys,
    caseFileAudits,
    training,
    quality,
  };
}
export type Services = ReturnType<typeof buildServices>;
