/**
 * @module Thin handlers for board paper editions (`report:build`): the list, starting an edition, its page (the paper as
 * it will print), the cover sheet and section forms, publishing, and the PDF and Word downloads.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { paths } from '../../platform/http/paths.js';
import { HttpError, notFound } from '../../platform/http/httpError.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { readDateInput } from '../../platform/forms/dates.js';
import type { Actor } from '../../platform/access/user.js';
import type { AuditService } from '../audit/auditService.js';
import { readCoverSheet } from '../boardReport/coverSheet.js';
import { figureChoiceFields, readFigureChoice, type FigureChoiceValues } from '../dashboards/dashboardQuery.js';
import { paperFormats, type BoardPaperService, type PaperFormat } from './boardPaperService.js';
import { EditionFrozenError } from './boardPaperRepository.js';
import { paperSectionByKey } from './paperSections.js';
import { choiceValuesOf, coverForm, coverValuesOf, presentEdition, presentEditions, sectionForm, type CoverValues } from './boardPaperPresenter.js';

/** What boardPaperRoutes needs from the composition root. */
export interface BoardPaperRoutesNeeds {
  audit: AuditService;
  boardPapers: BoardPaperService;
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : []);
const choiceOf = (body: Record<string, unknown>): FigureChoiceValues =>
  figureChoiceFields.parse(Object.fromEntries(Object.keys(figureChoiceFields.shape).map((key) => [key, asText(body[key]).slice(0, 10)])));

/** A section may hold this much text. */
const longestSection = 20_000;

export async function boardPaperRoutes(app: FastifyInstance, services: BoardPaperRoutesNeeds): Promise<void> {
  const build = { config: { access: { permission: 'report:build' as const } } };
  const { boardPapers } = services;
  const actorOf = (request: FastifyRequest): Actor => ({ kind: 'user', user: request.user! });

  async function editionOf(request: FastifyRequest) {
    const text = String((request.params as { edition?: string }).edition ?? '');
    const edition = /^\d{1,6}$/.test(text) ? await boardPapers.edition(Number(text)) : undefined;
    if (!edition) throw notFound('Board paper edition');
    return edition;
  }

  /** A change to a published edition is refused, saying what to do instead. */
  async function whileDraft(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (error instanceof EditionFrozenError) throw new HttpError(409, error.message);
      throw error;
    }
  }

  app.get(paths.boardPapers.list.pattern, build, async (_request, reply) => {
    const editions = await boardPapers.list();
    return reply.view('boardPaper/views/list.njk', { title: 'Board papers', editions: presentEditions(editions), startHref: paths.boardPapers.start() });
  });

  async function startPage(reply: FastifyReply, values: { from: string; choice: FigureChoiceValues }, errors: Record<string, string>) {
    const [latest] = await boardPapers.list();
    const fromItems = [
      { value: 'scratch', text: 'From scratch', hint: { text: 'Every section empty, with the usual figures placed in each' }, checked: values.from === 'scratch' },
      ...(latest ? [{ value: String(latest.number), text: `From edition ${latest.number}: ${latest.cover.title}`, hint: { text: 'Its cover sheet, text, figures and quotes copied, to bring up to date' }, checked: values.from === String(latest.number) }] : []),
    ];
    const errorList = Object.entries(errors).map(([field, text]) => ({ href: `#${field}`, text }));
    return reply.status(errorList.length ? 400 : 200).view('boardPaper/views/start.njk', {
      title: 'Start a board paper edition', fromItems, choiceValues: values.choice, errorList,
      errorFor: Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, { text }])),
    });
  }

  app.get(paths.boardPapers.start.pattern, build, async (request, reply) => {
    const [latest] = await boardPapers.list();
    const fromQuery = asText((request.query as Record<string, unknown>).from);
    // Year on year: the next edition covers the years after the last one's.
    const years = latest?.options.years;
    const choice = latest ? choiceValuesOf({ ...(years ? { years: { first: years.first + 1, last: years.last + 1 } } : {}), ...(latest.options.baseline ? { baseline: latest.options.baseline } : {}) }) : figureChoiceFields.parse({});
    return startPage(reply, { from: latest && fromQuery !== 'scratch' ? String(latest.number) : 'scratch', choice }, {});
  });

  app.post(paths.boardPapers.start.pattern, build, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { from: asText(body.from), choice: choiceOf(body) };
    const errors: Record<string, string> = {};
    const [latest] = await boardPapers.list();
    const from = values.from === 'scratch' ? null : latest && values.from === String(latest.number) ? latest.number : undefined;
    if (from === undefined) errors.from = 'Choose how to start the edition';
    const choice = readFigureChoice(values.choice);
    for (const error of choice.errors) errors[error.href.slice(1)] ??= error.text;
    if (Object.keys(errors).length || from === undefined) return startPage(reply, values, errors);
    const number = await boardPapers.start(actorOf(request), { from, options: choice.options });
    tellNextPage(request, `Edition ${number} started`);
    return reply.redirect(paths.boardPapers.edition({ edition: number }), 303);
  });

  app.get(paths.boardPapers.edition.pattern, build, async (request, reply) => {
    const edition = await editionOf(request);
    const page = await presentEdition(edition, await boardPapers.content(edition));
    reply.header('cache-control', 'no-store');
    return reply.view('boardPaper/views/edition.njk', { title: `Board paper edition ${edition.number}`, ...page });
  });

  const coverPage = (reply: FastifyReply, number: number, values: CoverValues, errors: Record<string, string>) =>
    reply.status(Object.keys(errors).length ? 400 : 200).view('boardPaper/views/cover.njk', {
      title: `Cover sheet of edition ${number}`, number, action: paths.boardPapers.cover({ edition: number }), back: paths.boardPapers.edition({ edition: number }), ...coverForm(values, errors),
    });

  app.get(paths.boardPapers.cover.pattern, build, async (request, reply) => {
    const edition = await editionOf(request);
    if (edition.status === 'published') throw new HttpError(409, `Edition ${edition.number} is published: it cannot be changed. Start a new edition from it instead.`);
    return coverPage(reply, edition.number, coverValuesOf(edition.cover, edition.options), {});
  });

  app.post(paths.boardPapers.cover.pattern, build, async (request, reply) => {
    const edition = await editionOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values: CoverValues = {
      meeting: asText(body.meeting), agendaItem: asText(body.agendaItem), title: asText(body.title), summary: asText(body.summary), author: asText(body.author), recommendations: asText(body.recommendations),
      'heldOn-day': asText(body['heldOn-day']), 'heldOn-month': asText(body['heldOn-month']), 'heldOn-year': asText(body['heldOn-year']),
      directions: asList(body.directions), implications: asList(body.implications), choice: choiceOf(body),
    };
    const errors: Record<string, string> = {};
    const heldOn = readDateInput('The date of the meeting', values['heldOn-day'], values['heldOn-month'], values['heldOn-year']);
    if (heldOn.error) errors['heldOn-day'] = heldOn.error;
    else if (!heldOn.date) errors['heldOn-day'] = 'Enter the date of the meeting';
    const cover = readCoverSheet({ ...values, heldOn: heldOn.date ?? '' });
    for (const problem of cover.problems ?? []) if (problem.field !== 'heldOn') errors[problem.field] ??= problem.message;
    const choice = readFigureChoice(values.choice);
    for (const error of choice.errors) errors[error.href.slice(1)] ??= error.text;
    if (Object.keys(errors).length || !cover.cover) return coverPage(reply, edition.number, values, errors);
    await whileDraft(() => boardPapers.saveCover(actorOf(request), edition.number, cover.cover, choice.options));
    tellNextPage(request, 'Cover sheet saved');
    return reply.redirect(paths.boardPapers.edition({ edition: edition.number }), 303);
  });

  async function sectionOf(request: FastifyRequest) {
    const edition = await editionOf(request);
    const section = paperSectionByKey(String((request.params as { sectionKey?: string }).sectionKey ?? ''));
    if (!section) throw notFound('Section');
    if (edition.status === 'published') throw new HttpError(409, `Edition ${edition.number} is published: it cannot be changed. Start a new edition from it instead.`);
    return { edition, section, choices: await boardPapers.blockChoices(edition) };
  }

  app.get(paths.boardPapers.section.pattern, build, async (request, reply) => {
    const { edition, section, choices } = await sectionOf(request);
    const written = edition.sections.find((candidate) => candidate.key === section.key) ?? { body: '', blocks: [] };
    return reply.view('boardPaper/views/section.njk', {
      title: `${section.heading}: edition ${edition.number}`, number: edition.number, action: paths.boardPapers.section({ edition: edition.number, sectionKey: section.key }),
      back: paths.boardPapers.edition({ edition: edition.number }), ...sectionForm(section, { body: written.body, blocks: written.blocks }, choices, {}),
    });
  });

  app.post(paths.boardPapers.section.pattern, build, async (request, reply) => {
    const { edition, section, choices } = await sectionOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { body: asText(body.body), blocks: asList(body.blocks) };
    const errors: Record<string, string> = {};
    if (values.body.length > longestSection) errors.body = `The text must be ${longestSection.toLocaleString('en-GB')} characters or fewer: it is ${values.body.length.toLocaleString('en-GB')}`;
    const offered = new Set(choices.map((choice) => choice.value));
    if (values.blocks.some((block) => !offered.has(block))) errors.blocks = 'Choose figures and quotes from the list';
    if (Object.keys(errors).length) {
      return reply.status(400).view('boardPaper/views/section.njk', {
        title: `Error: ${section.heading}: edition ${edition.number}`, number: edition.number, action: paths.boardPapers.section({ edition: edition.number, sectionKey: section.key }),
        back: paths.boardPapers.edition({ edition: edition.number }), ...sectionForm(section, values, choices, errors),
      });
    }
    await whileDraft(() => boardPapers.saveSection(actorOf(request), edition.number, { key: section.key, body: values.body.replace(/\r\n/g, '\n'), blocks: values.blocks }));
    tellNextPage(request, `${section.heading} saved`);
    return reply.redirect(`${paths.boardPapers.edition({ edition: edition.number })}#section-${section.key}`, 303);
  });

  app.post(paths.boardPapers.publish.pattern, build, async (request, reply) => {
    const edition = await editionOf(request);
    await whileDraft(() => boardPapers.publish(actorOf(request), edition.number));
    tellNextPage(request, `Edition ${edition.number} published: it can no longer be changed`);
    return reply.redirect(paths.boardPapers.edition({ edition: edition.number }), 303);
  });

  app.get(paths.boardPapers.download.pattern, build, async (request, reply) => {
    const edition = await editionOf(request);
    const format = (request.params as { format: string }).format;
    if (!(paperFormats as readonly string[]).includes(format)) throw notFound();
    const file = await boardPapers.file(edition, format as PaperFormat);
    await services.audit.record(actorOf(request), { action: 'export.completed', subject: file.fileName, details: { report: 'board paper', edition: edition.number, status: edition.status, format, sha256: file.sha256 } });
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .send(file.bytes);
  });
}
