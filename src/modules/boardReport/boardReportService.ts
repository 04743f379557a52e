/** @module Builds a board report from the records in one step: the figures of `cairn stats`, laid out, published and printed. */
import type { FiguresService } from '../reporting/figuresService.js';
import type { StatsOptions } from '../reporting/statsTypes.js';
import { boardReport, type BoardReport, type CoverSheet } from './boardReport.js';
import { renderHtml } from './renderHtml.js';
import { boardDocument } from './boardDocument.js';
import { printDocx } from '../../platform/documents/docx.js';
import { printPdf } from '../../platform/documents/pdf.js';

export const reportFormats = ['docx', 'pdf', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const contentTypes: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

/** A printed report: its bytes and how to name and serve them. */
export interface BuiltReport {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  report: BoardReport;
}

/**
 * A file name from the report's title and meeting date.
 * @example reportFileName({ title: "Children's Services", heldOn: '2022-10-12' } as CoverSheet, 'pdf') // 'childrens-services-2022-10-12.pdf'
 */
export function reportFileName(cover: Pick<CoverSheet, 'title' | 'heldOn'>, format: ReportFormat): string {
  const slug = cover.title.toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'board-report';
  return `${slug}-${cover.heldOn}.${format}`;
}

/** @example const built = await boardReportService(services.figures).build({ years: { first: 2016, last: 2021 } }, cover, 'docx') */
export function boardReportService(figures: FiguresService) {
  return {
    /**
     * The report model for these options and cover sheet (figures computed afresh).
     * @example const report = await boardReportService(figures).model({}, cover)
     */
    async model(options: StatsOptions, cover: CoverSheet): Promise<BoardReport> {
      const computed = await figures.compute(options);
      return boardReport(computed.authority ?? 'the authority', cover, computed.tables);
    },

    /**
     * The report printed in `format`.
     * @example const { bytes, fileName } = await boardReportService(figures).build({}, cover, 'pdf')
     */
    async build(options: StatsOptions, cover: CoverSheet, format: ReportFormat): Promise<BuiltReport> {
      const report = await this.model(options, cover);
      const bytes = format === 'docx' ? await printDocx(await boardDocument(report)) : format === 'pdf' ? await printPdf(await boardDocument(report)) : Buffer.from(await renderHtml(report), 'utf8');
      return { bytes, contentType: contentTypes[format], fileName: reportFileName(cover, format), report };
    },
  };
}
export type BoardReportService = ReturnType<typeof boardReportService>;
