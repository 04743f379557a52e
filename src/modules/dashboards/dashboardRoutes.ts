/** @module Thin handlers for the dashboards page, each table's CSV download and chart image, and the board report page. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { may } from '../../platform/access/access.js';
import { HttpError } from '../../platform/http/httpError.js';
import { tableCsv } from '../reporting/figureTable.js';
import { readCoverSheet } from '../boardReport/coverSheet.js';
import { reportFormats, type ReportFormat } from '../boardReport/boardReportService.js';
import { readDateInput } from '../../platform/forms/dates.js';
import { choiceQuery, figureChoiceFields, readFigureChoice } from './dashboardQuery.js';
import { presentDashboards } from './dashboardPresenter.js';
import { keptPages } from './keptPages.js';
import { compactHtml } from './compactHtml.js';
import { keptContentMarker, wrapKept } from './keptContent.js';
import { entityTag, matchesEntityTag } from './entityTag.js';
import { boardReportForm, emptyBoardReportValues, type BoardReportValues } from './boardReportPresenter.js';
import type { DashboardService } from './dashboardService.js';
import type { BoardReportService } from '../boardReport/boardReportService.js';
import type { AuditService } from '../audit/auditService.js';

/** What dashboardRoutes needs from the composition root. */
export interface DashboardRoutesNeeds {
  audit: AuditService;
  boardReports: BoardReportService;
  dashboards: DashboardService;
}

/** Rendered pages kept at once (each about 65 kB): every choice, role and mistake typed since the records last changed, within reason. */
const keptPageCount = 60;

const tableParams = z.object({ tableId: z.string().regex(/^[a-z0-9-]{1,60}$/) });

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : []);
const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The board report form's fields, as typed. */
function submittedValues(body: Record<string, unknown>): BoardReportValues {
  const text = (name: keyof BoardReportValues) => asText(body[name]);
  return {
    meeting: text('meeting'),
    'heldOn-day': text('heldOn-day'),
    'heldOn-month': text('heldOn-month'),
    'heldOn-year': text('heldOn-year'),
    agendaItem: text('agendaItem'),
    title: text('title'),
    summary: text('summary'),
    author: text('author'),
    recommendations: text('recommendations'),
    directions: asList(body.directions),
    implications: asList(body.implications),
    format: text('format'),
    choice: figureChoiceFields.parse(
      Object.fromEntries(Object.keys(figureChoiceFields.shape).map((key) => [key, asText(body[key]).slice(0, 10)])),
    ),
  };
}

export async function dashboardRoutes(app: FastifyInstance, services: DashboardRoutesNeeds): Promise<void> {
  const figures = { config: { access: { permission: 'figures:view' as const } } };
  const build = { config: { access: { permission: 'report:build' as const } } };

  // Everything inside the layout depends only on the figures, the choice as typed and the links the role may follow:
  // rendered (and encoded) once while the figures are kept, then only wrapped in the layout (name, CSRF token, nonce)
  // rendered for each response.
  const pages = keptPages<Buffer>(keptPageCount);

  app.get(paths.dashboards.show.pattern, figures, async (request, reply) => {
    const choice = readFigureChoice(request.query);
    const computed = await services.dashboards.figures(choice.options);
    const links = { mayBuildReport: may(request.user, 'report:build'), mayLoadBenchmarks: may(request.user, 'benchmarks:import') };
    const content = await pages(computed, JSON.stringify([choice.values, links]), async () => {
      const query = choice.errors.length ? '' : choiceQuery(choice.values);
      return Buffer.from(compactHtml(await app.view('dashboards/views/content.njk', {
        values: choice.values,
        errors: choice.errors,
        errorFor: Object.fromEntries(choice.errors.map((error) => [error.href.slice(1), { text: error.text }])),
        dashboards: presentDashboards(computed, query),
        boardReportHref: paths.dashboards.boardReport(query),
        ...links,
      })));
    });
    const layout = await reply.viewAsync('dashboards/views/show.njk', { title: 'Dashboards', errors: choice.errors, contentHtml: keptContentMarker });
    return reply.send(wrapKept(layout, content));
  });

  /** The figures and the table id a download's address names (`<id>.csv`, `<id>.svg`), for the choice in its query. */
  async function namedTable(request: FastifyRequest, param: string, extension: string) {
    const file = String((request.params as Record<string, string | undefined>)[param] ?? '');
    const params = tableParams.safeParse({ tableId: file.slice(0, -extension.length) });
    if (!params.success || !file.endsWith(extension)) throw new HttpError(404, 'There is no table with that name');
    const choice = readFigureChoice(request.query);
    if (choice.errors.length) throw new HttpError(400, choice.errors[0]!.text);
    return { tableId: params.data.tableId, computed: await services.dashboards.figures(choice.options) };
  }

  app.get(paths.dashboards.csv.pattern, figures, async (request, reply) => {
    const { tableId, computed } = await namedTable(request, 'tableFile', '.csv');
    const table = computed.tables.find((candidate) => candidate.id === tableId);
    if (!table) throw new HttpError(404, 'There is no table with that name for these years');
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${table.id}.csv"`)
      .header('cache-control', 'no-store')
      .send(tableCsv(table));
  });

  // A chart is an image of its own, so the page stays small. The browser keeps the picture privately but asks each
  // time whether it still holds (by its ETag): the figures may change with the next record, and a chart never lags
  // its table. While they have not, the answer is a 304 from the kept figures' drawing.
  app.get(paths.dashboards.chart.pattern, figures, async (request, reply) => {
    const { tableId, computed } = await namedTable(request, 'chartFile', '.svg');
    const svg = await computed.chart(tableId);
    if (!svg) throw new HttpError(404, 'There is no chart with that name for these years');
    const tag = entityTag(svg);
    reply.header('cache-control', 'private, no-cache').header('etag', tag);
    if (matchesEntityTag(request.headers['if-none-match'], tag)) return reply.code(304).send();
    return reply.header('content-type', 'image/svg+xml; charset=utf-8').send(svg);
  });

  app.get(paths.dashboards.boardReport.pattern, build, async (request, reply) => {
    const choice = readFigureChoice(request.query);
    const values = emptyBoardReportValues(choice.errors.length ? figureChoiceFields.parse({}) : choice.values);
    return reply.view('dashboards/views/boardReport.njk', { title: 'Build a board report', ...boardReportForm(values, {}) });
  });

  app.post(paths.dashboards.boardReport.pattern, build, async (request, reply) => {
    const values = submittedValues((request.body ?? {}) as Record<string, unknown>);
    const errors: Record<string, string> = {};
    const heldOn = readDateInput('The date of the meeting', values['heldOn-day'], values['heldOn-month'], values['heldOn-year']);
    if (heldOn.error) errors['heldOn-day'] = heldOn.error;
    else if (!heldOn.date) errors['heldOn-day'] = 'Enter the date of the meeting';
    const cover = readCoverSheet({
      meeting: values.meeting,
      heldOn: heldOn.date ?? '',
      agendaItem: values.agendaItem,
      title: values.title,
      summary: values.summary,
      author: values.author,
      recommendations: values.recommendations,
      directions: values.directions,
      implications: values.implications,
    });
    for (const problem of cover.problems ?? []) {
      if (problem.field !== 'heldOn') errors[problem.field] ??= problem.message;
    }
    if (!(reportFormats as readonly string[]).includes(values.format)) errors.format = 'Choose the kind of document: Word, PDF or web page';
    const choice = readFigureChoice(values.choice);
    for (const error of choice.errors) errors[error.href.slice(1)] ??= error.text;
    if (Object.keys(errors).length > 0 || !cover.cover) {
      return reply.status(400).view('dashboards/views/boardReport.njk', { title: 'Build a board report', ...boardReportForm(values, errors) });
    }
    const built = await services.boardReports.build(choice.options, cover.cover, values.format as ReportFormat);
    await services.audit.record({ kind: 'user', user: request.user! }, { action: 'export.completed', subject: built.fileName, details: { report: 'board', format: values.format, ...choice.options } });
    return reply
      .header('content-type', built.contentType)
      .header('content-disposition', `attachment; filename="${built.fileName}"`)
      .header('cache-control', 'no-store')
      .send(built.bytes);
  });
}
