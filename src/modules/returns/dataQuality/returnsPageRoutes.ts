/**
 * @module Thin handlers for the analysts' returns page (`returns:build`): choose the return and the collection year;
 * while an error rule fails the page lists the errors (each linking to its issues on the data quality page); once
 * clean, the return is built and each of its files and the manifest offered for download (each download audited).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { paths } from '../../../platform/http/paths.js';
import { HttpError } from '../../../platform/http/httpError.js';
import { todayIso } from '../../../platform/dates/isoDates.js';
import type { AuditService } from '../../audit/auditService.js';
import type { ReturnsService } from '../returnsService.js';
import { ReturnRefusedError, type BuiltReturn } from '../buildReturn.js';
import { returnKinds, returnTitles, type ReturnKind } from '../returnLayouts.js';
import { collectionYears } from './dataQualityFilters.js';
import { presentRefusal, presentReturn } from './returnsPagePresenter.js';

/** What returnsPageRoutes needs from the composition root. */
export interface ReturnsPageRoutesNeeds {
  returns: ReturnsService;
  audit: AuditService;
}

const fileParams = z.object({ kind: z.enum(returnKinds), year: z.string().regex(/^\d{4}-\d{2}$/), fileName: z.string().regex(/^[a-z_]{1,40}\.(csv|json)$/) });

/** @example await returnsPageRoutes(app, services) */
export async function returnsPageRoutes(app: FastifyInstance, services: ReturnsPageRoutesNeeds): Promise<void> {
  const build = { config: { access: { permission: 'returns:build' as const } } };

  /** The return built, or why not. */
  async function built(kind: ReturnKind, year: string): Promise<{ built: BuiltReturn } | { refused: ReturnRefusedError }> {
    try {
      return { built: await services.returns.build(kind, { year }) };
    } catch (error) {
      if (error instanceof ReturnRefusedError) return { refused: error };
      throw error;
    }
  }

  app.get(paths.dataQuality.returns.pattern, build, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const years = collectionYears(todayIso());
    const kind = returnKinds.find((candidate) => candidate === query.return);
    const year = typeof query.year === 'string' && years.includes(query.year) ? query.year : years[1] ?? years[0]!;
    const answer = kind ? await built(kind, year) : undefined;
    reply.header('cache-control', 'no-store');
    return reply.view('returns/views/returns.njk', {
      title: 'Statutory returns',
      choices: {
        kind: returnKinds.map((value) => ({ value, text: returnTitles[value], checked: value === kind })),
        year: years.map((value) => ({ value, text: value, selected: value === year })),
      },
      action: paths.dataQuality.returns(),
      chosen: kind ? { title: returnTitles[kind], year } : undefined,
      built: answer && 'built' in answer ? presentReturn(answer.built) : undefined,
      refused: answer && 'refused' in answer ? presentRefusal(answer.refused, year) : undefined,
    });
  });

  app.get(paths.dataQuality.returnFile.pattern, build, async (request, reply) => {
    const params = fileParams.safeParse(request.params);
    if (!params.success) throw new HttpError(404, 'There is no such file');
    const { kind, year, fileName } = params.data;
    const answer = await built(kind, year);
    if ('refused' in answer) throw new HttpError(409, `The return cannot be built now: ${answer.refused.message}`);
    const text = answer.built.files[fileName];
    if (text === undefined) throw new HttpError(404, 'The return has no such file');
    const { manifest } = answer.built;
    await services.audit.record({ kind: 'user', user: request.user! }, {
      action: 'export.completed', subject: `returns/${kind}/${year}/${fileName}`, details: { return: kind, year, file: fileName, rulePack: manifest.rulePack, codeMap: manifest.codeMap },
    });
    return reply
      .header('content-type', fileName.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${kind}-${year}-${fileName}"`)
      .header('cache-control', 'no-store')
      .send(text);
  });
}
