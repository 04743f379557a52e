/** @module Thin handlers for the quality report (`quality:view`): the page with its choices and the report, and its DOCX and PDF. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { paths } from '../../platform/http/paths.js';
import { HttpError, notFound } from '../../platform/http/httpError.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import type { Actor } from '../../platform/access/user.js';
import { readChoice } from './qualityChoice.js';
import { downloadLinks, presentQualityForm } from './qualityPresenter.js';
import { qualityFormats, type QualityFormat } from './qualityService.js';
import type { QualityService } from './qualityService.js';

/** What qualityRoutes needs from the composition root. */
export interface QualityRoutesNeeds {
  quality: QualityService;
}

/**
 * `/quality` and `/quality/report.docx|pdf`.
 * @example await qualityRoutes(app, services)
 */
export async function qualityRoutes(app: FastifyInstance, services: QualityRoutesNeeds): Promise<void> {
  const view = { config: { access: { permission: 'quality:view' as const } } };
  const { quality } = services;

  async function chosen(request: FastifyRequest) {
    const actor: Actor = { kind: 'user', user: request.user! };
    const options = await quality.options(actor);
    return { actor, options, reading: readChoice(request.query, options, todayIso()) };
  }

  app.get(paths.quality.report.pattern, view, async (request, reply) => {
    const { actor, options, reading } = await chosen(request);
    const report = reading.choice ? await quality.report(actor, options, reading.choice) : undefined;
    reply.header('cache-control', 'no-store');
    return reply.status(reading.choice ? 200 : 400).view('quality/views/report.njk', {
      title: 'Quality report', form: presentQualityForm(options, reading.values, reading.errors), report, downloads: report ? downloadLinks(reading.values) : [],
    });
  });

  app.get(paths.quality.download.pattern, view, async (request, reply) => {
    const format = (request.params as { format: string }).format;
    if (!qualityFormats.includes(format as QualityFormat)) throw notFound();
    const { actor, options, reading } = await chosen(request);
    if (!reading.choice) throw new HttpError(400, 'The report’s choices have a problem: go back to the quality report page and check them');
    const report = await quality.report(actor, options, reading.choice);
    const document = await quality.document(actor, report, reading.choice, format as QualityFormat);
    return reply
      .header('content-type', document.contentType)
      .header('content-disposition', `attachment; filename="${document.fileName}"`)
      .header('cache-control', 'no-store')
      .send(document.bytes);
  });
}
