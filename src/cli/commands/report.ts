/** @module `cairn report board`: the IJB board report, built from the records in one step, as DOCX, PDF or HTML. */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { locallyOrByServer } from '../runningServer.js';
import { withServices } from '../openServices.js';
import { parseStatsArguments } from './stats.js';
import { StatsOptionsError } from '../../modules/reporting/statsService.js';
import { readCoverSheet } from '../../modules/boardReport/coverSheet.js';
import { reportFormats, type ReportFormat } from '../../modules/boardReport/boardReportService.js';
import { NoSuchEditionError, paperFormats, type PaperFormat } from '../../modules/boardPaper/boardPaperService.js';

const coverFlags: Record<string, string> = {
  '--meeting': 'meeting',
  '--held-on': 'heldOn',
  '--agenda-item': 'agendaItem',
  '--title': 'title',
  '--summary': 'summary',
  '--author': 'author',
  '--recommendations': 'recommendations',
  '--directions': 'directions',
  '--implications': 'implications',
};
const statsFlags = ['--years', '--baseline', '--from', '--to'];

/** What a cover sheet says when the author gives nothing: enough for a draft to read and correct. */
const draftCover = (today: string) => ({
  meeting: 'Integration Joint Board',
  heldOn: today,
  agendaItem: 'To be confirmed',
  title: "Children's Services Figures",
  summary: "To inform the board of the balance of care and children's services activity, from the case records.",
  author: 'To be confirmed',
  recommendations: 'It is recommended that the board notes the figures in this report.',
  directions: ['none'],
  implications: [],
});

/**
 * Read `cairn report board` arguments; throws `UsageError` on anything wrong.
 * @example parseReportArguments(['board', '--format', 'pdf', '--out', 'b.pdf'], '2022-10-12').format // 'pdf'
 */
export function parseReportArguments(args: readonly string[], today: string) {
  if (args[0] !== 'board') throw new UsageError('the only report is `board`: cairn report board --format docx|pdf|html --out FILE');
  const statsArgs: string[] = [];
  const cover: Record<string, unknown> = {};
  let format: ReportFormat | undefined;
  let out: string | undefined;
  let coverFile: string | undefined;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inline ?? args[++i];
    if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    if (statsFlags.includes(flag)) statsArgs.push(flag, value);
    else if (flag === '--format') {
      if (!(reportFormats as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${reportFormats.join(', ')}`);
      format = value as ReportFormat;
    } else if (flag === '--out') out = value;
    else if (flag === '--cover') coverFile = value;
    else if (flag in coverFlags) {
      const key = coverFlags[flag]!;
      cover[key] = key === 'directions' || key === 'implications' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value;
    } else throw new UsageError(`unknown option ${arg}`);
  }
  if (!format) throw new UsageError('give --format docx, pdf or html');
  if (!out) throw new UsageError('give --out FILE, where the report is written');
  let fromFile: Record<string, unknown> = {};
  if (coverFile) {
    try {
      fromFile = JSON.parse(readFileSync(coverFile, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(`--cover ${coverFile} could not be read as JSON: ${(error as Error).message}`);
    }
  }
  const read = readCoverSheet({ ...draftCover(today), ...fromFile, ...cover });
  if (read.problems) throw new UsageError(`the cover sheet is not right:\n${read.problems.map((problem) => `  ${problem.field}: ${problem.message}`).join('\n')}`);
  return { format, out, cover: read.cover, options: parseStatsArguments(statsArgs).options };
}

/**
 * Read `cairn report board --edition N|draft` arguments: exactly what the board got (or the latest draft), as PDF or DOCX.
 * Returns undefined when there is no `--edition`; throws `UsageError` on anything wrong.
 * @example parseEditionArguments(['board', '--edition', '3', '--format', 'pdf', '--out', 'b.pdf']) // { edition: 3, format: 'pdf', out: 'b.pdf' }
 */
export function parseEditionArguments(args: readonly string[]): { edition: number | 'draft'; format: PaperFormat; out: string } | undefined {
  if (!args.some((arg) => arg === '--edition' || arg.startsWith('--edition='))) return undefined;
  let edition: number | 'draft' | undefined;
  let format: PaperFormat | undefined;
  let out: string | undefined;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inline ?? args[++i];
    if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    if (flag === '--edition') {
      if (value !== 'draft' && !/^[1-9]\d{0,5}$/.test(value)) throw new UsageError('--edition takes an edition number (1, 2, …) or draft');
      edition = value === 'draft' ? 'draft' : Number(value);
    } else if (flag === '--format') {
      if (!(paperFormats as readonly string[]).includes(value)) throw new UsageError(`with --edition, --format must be one of ${paperFormats.join(', ')}`);
      format = value as PaperFormat;
    } else if (flag === '--out') out = value;
    else throw new UsageError(`${flag} cannot be used with --edition: an edition has its own cover sheet and years`);
  }
  if (!format) throw new UsageError('give --format pdf or docx');
  if (!out) throw new UsageError('give --out FILE, where the paper is written');
  return { edition: edition!, format, out };
}

/** `cairn report board --edition …`: the edition's file, the very bytes published (or the draft printed now). */
async function writeEdition(request: { edition: number | 'draft'; format: PaperFormat; out: string }, io: Parameters<Command['run']>[1]): Promise<number> {
  const bytes = await locallyOrByServer(
    io,
    () => withServices(io.env, async (services) => {
      try {
        const file = await services.boardPapers.fileOf(request.edition, request.format);
        await services.audit.record({ kind: 'system', name: 'cli' }, { action: 'export.completed', subject: request.out, details: { report: 'board paper', edition: file.edition.number, status: file.edition.status, format: request.format, sha256: file.sha256 } });
        return file.bytes;
      } catch (error) {
        if (error instanceof NoSuchEditionError) throw new UsageError(error.message);
        throw error;
      }
    }, { reads: true }),
    (server) => server.edition(request),
  );
  writeFileSync(request.out, bytes);
  io.stdout.write(`Wrote ${request.edition === 'draft' ? 'the latest draft board paper edition' : `board paper edition ${request.edition}`} to ${request.out} (${request.format}, ${bytes.length} bytes)\n`);
  return 0;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'Build the board report (published figures, disclosure control applied) as DOCX, PDF or HTML',
  usage:
    'cairn report board --format docx|pdf|html --out FILE [--years 2016-2021] [--baseline 2016] [--from DATE --to DATE] [--cover cover.json] [--meeting …] [--held-on YYYY-MM-DD] [--agenda-item …] [--title …] [--summary …] [--author …] [--recommendations …] [--directions none,nhs,council,both] [--implications Financial,HR,…] | cairn report board --edition N|draft --format pdf|docx --out FILE',
  async run(args, io) {
    const edition = parseEditionArguments(args);
    if (edition) return writeEdition(edition, io);
    const { format, out, cover, options } = parseReportArguments(args, new Date().toISOString().slice(0, 10));
    const bytes = await locallyOrByServer(
      io,
      () => withServices(io.env, async (services) => {
        try {
          const report = await services.boardReports.build(options, cover, format);
          await services.audit.record({ kind: 'system', name: 'cli' }, { action: 'export.completed', subject: out, details: { report: 'board', format, ...options } });
          return report.bytes;
        } catch (error) {
          if (error instanceof StatsOptionsError) throw new UsageError(error.message);
          throw error;
        }
      }, { reads: true }),
      (server) => server.report({ options, cover, format, out }),
    );
    writeFileSync(out, bytes);
    io.stdout.write(`Wrote the board report to ${out} (${format}, ${bytes.length} bytes)\n`);
    return 0;
  },
};
