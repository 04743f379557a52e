/**
 * @module The quality report's use cases: what can be compared, the report for a choice, and its DOCX or PDF
 * (an export, audited). Figures come only through the sources' contract (qualitySources.ts).
 */
import type { AuditService } from '../audit/auditService.js';
import { actorName, type Actor } from '../../platform/access/user.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import { qualityOptions, readChoice, type QualityChoice, type QualityOptions } from './qualityChoice.js';
import { qualityPaperTables, type QualityPaperTable } from './qualityPaperTables.js';
import { qualityReport, type QualityReport } from './qualityReport.js';
import { qualityDocument } from './qualityDocument.js';
import { printDocx } from '../../platform/documents/docx.js';
import { printPdf } from '../../platform/documents/pdf.js';
import type { QualitySources } from './qualitySources.js';
import type { Queryable } from '../../db/database.js';
import { keptWhileUnchanged, type KeptWhileUnchanged } from '../../db/keptWhileUnchanged.js';

export const qualityFormats = ['docx', 'pdf'] as const;
export type QualityFormat = (typeof qualityFormats)[number];
const contentTypes: Record<QualityFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * With `db`, what can be compared and each report are kept while no record changes (ADR 0055), one set for each
 * person (what they may see is theirs); without it, worked out on every call.
 * @example const quality = qualityService(sources, audit, todayIso, db)
 */
export function qualityService(sources: QualitySources, audit: AuditService, today: () => string = todayIso, db?: Queryable) {
  const keptOptions = keptWhileUnchanged<QualityOptions>(16);
  const keptReports = keptWhileUnchanged<QualityReport>(32);
  const whose = (actor: Actor) => (actor.kind === 'user' ? `user:${actor.user.userId}` : actorName(actor));
  const keptBy = <T>(keep: KeptWhileUnchanged<T>, key: unknown, work: () => Promise<T>): Promise<T> =>
    db ? keep.get(db, JSON.stringify(key), work) : work();

  /** The report for a choice, worked out from the sources. */
  async function reportFor(actor: Actor, options: QualityOptions, choice: QualityChoice): Promise<QualityReport> {
    const [auditComparison, surveys, before, after, authority] = await Promise.all([
      choice.audit ? sources.audits.compareRounds(actor, choice.audit.baseline, choice.audit.comparator) : null,
      Promise.all(choice.waves.map((pair) => sources.surveys.compareWaves(actor, pair.baseline, pair.comparator))),
      sources.training.coverage(actor, choice.training.baseline),
      sources.training.coverage(actor, choice.training.comparator),
      sources.authority.current(),
    ]);
    return qualityReport({
      authority: authority?.name ?? 'Demo authority',
      builtOn: today(),
      audit: auditComparison,
      auditNote: options.rounds.length < 2
        ? 'Fewer than two case file audit rounds have been recorded, so there is nothing to compare yet.'
        : 'No audit rounds were chosen for comparison.',
      surveys,
      surveyNote: options.surveys.some((s) => s.waves.length >= 2)
        ? 'No survey waves were chosen for comparison.'
        : 'No survey has two waves to compare yet.',
      training: { baselineDate: choice.training.baseline, comparatorDate: choice.training.comparator, baseline: before, comparator: after },
    });
  }

  const service = {
    /** @example (await quality.options(actor)).rounds.length // 2 */
    async options(actor: Actor): Promise<QualityOptions> {
      return keptBy(keptOptions, [whose(actor)], async () => {
        const [rounds, waves] = await Promise.all([sources.audits.listRounds(actor), sources.surveys.listWaves(actor)]);
        return qualityOptions(rounds, waves);
      });
    },

    /**
     * The report for a choice; a part with nothing chosen says why.
     * @example await quality.report(actor, options, { audit: { baseline: 1, comparator: 2 }, waves: [], training: { baseline: '2022-03-31', comparator: '2023-03-31' } })
     */
    async report(actor: Actor, options: QualityOptions, choice: QualityChoice): Promise<QualityReport> {
      return keptBy(keptReports, [whose(actor), options, choice, today()], () => reportFor(actor, options, choice));
    },

    /**
     * The report as a document to download; the export is audited.
     * @example const { bytes, fileName, contentType } = await quality.document(actor, report, choice, 'pdf')
     */
    async document(actor: Actor, report: QualityReport, choice: QualityChoice, format: QualityFormat): Promise<{ bytes: Buffer; fileName: string; contentType: string }> {
      const bytes = format === 'docx' ? await printDocx(qualityDocument(report)) : await printPdf(qualityDocument(report));
      await audit.record(actor, { action: 'quality.report_exported', subject: `quality-report.${format}`, details: { format, choice } });
      return { bytes, fileName: `practice-quality-${report.builtOn}.${format}`, contentType: contentTypes[format] };
    },

    /**
     * The report's tables for a board paper, as the report page shows them with nothing chosen: the latest two audit
     * rounds, each survey's latest two waves, training on the two rounds' period ends.
     * @example (await quality.paperTables({ kind: 'system', name: 'board paper' }))[0].id // 'quality-audit-questions'
     */
    async paperTables(actor: Actor): Promise<QualityPaperTable[]> {
      const options = await service.options(actor);
      const { choice } = readChoice({}, options, today());
      return choice ? qualityPaperTables(await service.report(actor, options, choice)) : [];
    },
  };
  return service;
}
export type QualityService = ReturnType<typeof qualityService>;
