/** @module The benchmark upload page: one benchmarks.csv, checked line by line, loaded all or nothing. Registered in its own scope for multipart. */
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { paths } from '../../platform/http/paths.js';
import { formatProblem } from '../extract/extractProblem.js';
import type { BenchmarkService } from './benchmarkService.js';

/** What benchmarkRoutes needs from the composition root. */
export interface BenchmarkRoutesNeeds {
  benchmarks: BenchmarkService;
}

/** Large enough for every authority in Scotland over decades; a bigger file is refused in words. */
export const maxBenchmarkBytes = 2 * 1024 * 1024;
const shownProblems = 100;

/** @example await app.register(async (scope) => benchmarkRoutes(scope, services)) */
export async function benchmarkRoutes(app: FastifyInstance, services: BenchmarkRoutesNeeds): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { files: 1, fileSize: maxBenchmarkBytes + 1, fields: 5, fieldSize: 1_000, parts: 8 },
    throwFileSizeLimit: false,
  });
  const access = { config: { access: { permission: 'benchmarks:import' as const } } };
  const page = (values: { problems?: string[]; more?: number; loaded?: { rows: number; added: number; changed: number }; error?: string }) => ({
    title: 'Load benchmark figures',
    errors: values.error ? [{ href: '#benchmarks', text: values.error }] : [],
    ...values,
  });

  app.get(paths.dashboards.benchmarks.pattern, access, async (_request, reply) => reply.view('benchmarks/views/benchmarks.njk', page({})));

  app.post(paths.dashboards.benchmarks.pattern, { ...access, bodyLimit: maxBenchmarkBytes + 64 * 1024 }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const file = Buffer.isBuffer(body.benchmarks) ? body.benchmarks : undefined;
    if (!file || file.length === 0) return reply.status(400).view('benchmarks/views/benchmarks.njk', page({ error: 'Select a benchmarks.csv file to load' }));
    if (file.length > maxBenchmarkBytes) return reply.status(400).view('benchmarks/views/benchmarks.njk', page({ error: 'The file must be 2 MB or smaller' }));
    const outcome = await services.benchmarks.upload({ kind: 'user', user: request.user! }, 'benchmarks.csv', file);
    if (!outcome.ok) {
      const problems = outcome.problems.map(formatProblem);
      return reply.status(400).view(
        'benchmarks/views/benchmarks.njk',
        page({
          error: `The file was not loaded: it has ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}. Nothing was changed.`,
          problems: problems.slice(0, shownProblems),
          more: Math.max(0, problems.length - shownProblems),
        }),
      );
    }
    return reply.view('benchmarks/views/benchmarks.njk', page({ loaded: { rows: outcome.rows, added: outcome.added, changed: outcome.changed } }));
  });
}
