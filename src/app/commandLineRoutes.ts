/**
 * @module The server's side of `cairn stats`, `report` (and `--edition`), `import`, `returns`, `audit` and `backup` while Cairn runs on PGlite
 * (ADR 0017): routes under /cli that answer only a request from the loopback interface carrying the
 * token of the server's handoff file, and do exactly what the command would have done in its own process,
 * audited as the command is (actor `system:cli`).
 */
import { PassThrough } from 'node:stream';
import { isAbsolute } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../composition.js';
import type { Database } from '../db/database.js';
import { StatsOptionsError } from '../modules/reporting/statsService.js';
import type { StatsOptions } from '../modules/reporting/statsTypes.js';
import { readCoverSheet } from '../modules/boardReport/coverSheet.js';
import { reportFormats } from '../modules/boardReport/boardReportService.js';
import { NoSuchEditionError, paperFormats } from '../modules/boardPaper/boardPaperService.js';
import type { ImportOutcome, ImportProgress } from '../modules/extract/extractImportService.js';
import { isLoopback, newCliToken, publishCliHandoff, sameToken } from '../platform/http/commandLineHandoff.js';
import { paths } from '../platform/http/paths.js';
import { ReturnsOptionsError } from '../modules/returns/returnsService.js';
import { ReturnRefusedError } from '../modules/returns/buildReturn.js';
import { returnKinds } from '../modules/returns/returnLayouts.js';
import { runTriggers } from '../modules/returns/dataQuality/dataQualityRepository.js';

const cli = { kind: 'system', name: 'cli' } as const;

const statsOptions = z.object({
  years: z.object({ first: z.number().int(), last: z.number().int() }).optional(),
  baseline: z.number().int().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});
const reportRequest = z.object({ options: statsOptions, cover: z.unknown(), format: z.enum(reportFormats), out: z.string().min(1) });
const editionRequest = z.object({ edition: z.union([z.number().int().positive(), z.literal('draft')]), format: z.enum(paperFormats), out: z.string().min(1) });
const returnsCheckOptions = z.object({ year: z.string().optional(), trigger: z.enum(runTriggers).optional() });
const returnsBuildRequest = z.object({ kind: z.enum(returnKinds), year: z.string() });
const auditExportRequest = z.object({ from: z.iso.date(), to: z.iso.date() });
const importRequest = z.object({ folder: z.string().refine(isAbsolute, 'must be an absolute path') });
const backupRequest = z.object({ out: z.string().refine(isAbsolute, 'must be an absolute path') });

/** One line of the import's answer: progress as it goes, then the outcome. */
export type ImportLine = { progress: ImportProgress } | { outcome: ImportOutcome };

function refuse(reply: FastifyReply, status: number, error: string) {
  return reply.code(status).type('application/json').send({ error });
}

/**
 * Register the routes on `app` (before it listens) with a new token, and return how to publish the handoff file
 * once the address is known, and how to take it back at shutdown.
 * `db` is the server's own database, whose snapshot `cairn backup` asks for (ADR 0046).
 * @example const handoff = await serveTheCommandLine(app, services, db); const withdraw = handoff.publish('./data', url)
 */
export async function serveTheCommandLine(app: FastifyInstance, services: Services, db: Database): Promise<{ publish(dataDir: string, url: string): () => void }> {
  const token = newCliToken();
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      // Loopback only: the file is the secret, and only this machine's users can have read it.
      if (!isLoopback(request.socket.remoteAddress)) return refuse(reply, 403, 'the command line is served on this machine only');
      const header = request.headers.authorization;
      if (!sameToken(header?.startsWith('Bearer ') ? header.slice(7) : undefined, token)) return refuse(reply, 401, 'not the token of this server');
    });
    const routeConfig = { config: { access: { public: true as const }, csrfExempt: true } };

    scope.post(paths.commandLine.stats.pattern, routeConfig, async (request, reply) => {
      const options = statsOptions.safeParse(request.body);
      if (!options.success) return refuse(reply, 400, 'the options are not right');
      try {
        return await services.stats.compute(options.data as StatsOptions);
      } catch (error) {
        if (error instanceof StatsOptionsError) return refuse(reply, 400, error.message);
        throw error;
      }
    });

    scope.post(paths.commandLine.report.pattern, routeConfig, async (request, reply) => {
      const body = reportRequest.safeParse(request.body);
      if (!body.success) return refuse(reply, 400, 'the report request is not right');
      const read = readCoverSheet(body.data.cover);
      if (read.problems) return refuse(reply, 400, `the cover sheet is not right: ${read.problems.map((problem: { field: string; message: string }) => `${problem.field}: ${problem.message}`).join('; ')}`);
      try {
        const report = await services.boardReports.build(body.data.options as StatsOptions, read.cover, body.data.format);
        await services.audit.record(cli, { action: 'export.completed', subject: body.data.out, details: { report: 'board', format: body.data.format, ...body.data.options } });
        return reply.type('application/octet-stream').send(Buffer.from(report.bytes));
      } catch (error) {
        if (error instanceof StatsOptionsError) return refuse(reply, 400, error.message);
        throw error;
      }
    });

    scope.post(paths.commandLine.edition.pattern, routeConfig, async (request, reply) => {
      const body = editionRequest.safeParse(request.body);
      if (!body.success) return refuse(reply, 400, 'the edition request is not right');
      try {
        const file = await services.boardPapers.fileOf(body.data.edition, body.data.format);
        await services.audit.record(cli, { action: 'export.completed', subject: body.data.out, details: { report: 'board paper', edition: file.edition.number, status: file.edition.status, format: body.data.format, sha256: file.sha256 } });
        return reply.type('application/octet-stream').send(file.bytes);
      } catch (error) {
        if (error instanceof NoSuchEditionError) return refuse(reply, 400, error.message);
        throw error;
      }
    });

    scope.post(paths.commandLine.returnsCheck.pattern, routeConfig, async (request, reply) => {
      const options = returnsCheckOptions.safeParse(request.body);
      if (!options.success) return refuse(reply, 400, 'the options are not right');
      try {
        return await services.returns.check(options.data);
      } catch (error) {
        if (error instanceof ReturnsOptionsError) return refuse(reply, 400, error.message);
        throw error;
      }
    });

    scope.post(paths.commandLine.returnsBuild.pattern, routeConfig, async (request, reply) => {
      const body = returnsBuildRequest.safeParse(request.body);
      if (!body.success) return refuse(reply, 400, 'the return request is not right');
      try {
        const built = await services.returns.build(body.data.kind, { year: body.data.year });
        await services.audit.record(cli, { action: 'export.completed', subject: `returns/${body.data.kind}/${body.data.year}`, details: { return: built.manifest.return, year: built.manifest.year, rulePack: built.manifest.rulePack, codeMap: built.manifest.codeMap } });
        return { built };
      } catch (error) {
        if (error instanceof ReturnsOptionsError) return refuse(reply, 400, error.message);
        if (error instanceof ReturnRefusedError) return { refused: { message: error.message, run: error.run } };
        throw error;
      }
    });

    scope.post(paths.commandLine.auditVerify.pattern, routeConfig, async () => services.audit.verifyChain());

    scope.post(paths.commandLine.auditExport.pattern, routeConfig, async (request, reply) => {
      const body = auditExportRequest.safeParse(request.body);
      if (!body.success) return refuse(reply, 400, 'give --from and --to as dates written YYYY-MM-DD');
      const lines = new PassThrough();
      services.audit
        .exportChain(cli, body.data, (line) => { lines.write(line); })
        .catch((error: unknown) => {
          request.log.error(error);
          lines.write(`${JSON.stringify({ error: 'the server could not export the audit trail' })}\n`);
        })
        .finally(() => lines.end());
      return reply.type('application/x-ndjson').send(lines);
    });

    scope.post(paths.commandLine.backup.pattern, routeConfig, async (request, reply) => {
      const body = backupRequest.safeParse(request.body);
      if (!body.success) return refuse(reply, 400, 'give the backup file as an absolute path');
      if (!db.snapshot) return refuse(reply, 400, 'this server has no embedded database to back up: use pg_dump through cairn backup');
      const image = await db.snapshot();
      await services.audit.record(cli, { action: 'export.completed', subject: body.data.out, details: { backup: true, engine: 'pglite', bytes: image.length } });
      return reply.type('application/gzip').send(Buffer.from(image));
    });

    scope.post(paths.commandLine.import.pattern, routeConfig, async (request, reply) => {
      const body = importRequest.safeParse(request.body);
      if (!body.success) return refuse(reply, 400, 'give the extract folder as an absolute path');
      // Newline-delimited JSON: the command draws its progress bar from the lines as they come.
      const lines = new PassThrough();
      const send = (line: ImportLine) => lines.write(`${JSON.stringify(line)}\n`);
      let last = 0;
      services.extractImport
        .importFolder(cli, body.data.folder, {
          onProgress: (progress) => {
            const now = Date.now();
            if (now - last < 100 && progress.done !== progress.total) return;
            last = now;
            send({ progress });
          },
        })
        .then((outcome) => send({ outcome }))
        .catch((error: unknown) => {
          request.log.error(error);
          lines.write(`${JSON.stringify({ error: 'the server could not import the extract' })}\n`);
        })
        .finally(() => lines.end());
      return reply.type('application/x-ndjson').send(lines);
    });
  });
  return {
    publish: (dataDir, url) => publishCliHandoff(dataDir, { pid: process.pid, url, token }),
  };
}
