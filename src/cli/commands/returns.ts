/**
 * @module `cairn returns check`: every issue the collection year's rules find in the records, and exit 1 while an error
 * remains; `cairn returns build`: a return's CSV files and manifest, refused (exit 1, listing the errors) while any remains.
 */
import type { Command, CommandIo } from '../command.js';
import { UsageError } from '../command.js';
import { locallyOrByServer, type ReturnBuildAnswer } from '../runningServer.js';
import { withDatabase, withServices } from '../openServices.js';
import { ReturnRefusedError } from '../../modules/returns/buildReturn.js';
import { returnKinds, type ReturnKind } from '../../modules/returns/returnLayouts.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { returnsService, ReturnsOptionsError } from '../../modules/returns/returnsService.js';
import { blocksReturn, type RuleRun } from '../../modules/returns/runRules.js';
import { readOptions } from './readOptions.js';

/**
 * The run as lines for a person: one per record found, then what was skipped or failed, then the totals.
 * @example formatRuleRun(run) // 'E101 error  child A  episodes E-A  The child is looked after past…'
 */
export function formatRuleRun(run: RuleRun): string {
  const lines = run.findings.map((finding) =>
    [finding.code, finding.kind.padEnd(5), `child ${finding.childId ?? '-'}`, `${finding.table} ${finding.recordId}`, finding.message + (finding.detail ? ` (${finding.detail})` : '')].join('  '));
  for (const skipped of run.skipped) lines.push(`${skipped.code} skipped: ${skipped.reason}`);
  for (const failed of run.failed) lines.push(`${failed.code} FAILED to run: ${failed.error}`);
  const errors = run.findings.filter((finding) => finding.kind === 'error').length;
  lines.push(
    `${run.year} checked with the ${run.pack} pack: ${errors} errors, ${run.findings.length - errors} queries; ${run.ran.length} rules ran, ${run.skipped.length} skipped, ${run.failed.length} failed.`,
  );
  return `${lines.join('\n')}\n`;
}

async function check(args: string[], io: CommandIo): Promise<number> {
  const { flags, values } = readOptions(args, { flags: ['--json'], values: ['--year'] });
  const options = { year: values.get('--year') };
  const run = await locallyOrByServer(
    io,
    () => withDatabase(io.env, async (db) => {
      try {
        return await returnsService(db).check(options);
      } catch (error) {
        if (error instanceof ReturnsOptionsError) throw new UsageError(error.message);
        throw error;
      }
    }, { reads: true }),
    (server) => server.returnsCheck(options),
  );
  io.stdout.write(flags.has('--json') ? `${JSON.stringify(run, null, 2)}\n` : formatRuleRun(run));
  return blocksReturn(run) ? 1 : 0;
}

async function build(args: string[], io: CommandIo): Promise<number> {
  const { values } = readOptions(args, { flags: [], values: ['--return', '--year', '--out'] });
  const [kind, year, out] = [values.get('--return'), values.get('--year'), values.get('--out')];
  if (!kind || !(returnKinds as readonly string[]).includes(kind)) throw new UsageError(`--return must be one of ${returnKinds.join(', ')}`);
  if (!year) throw new UsageError('--year is needed, e.g. --year 2021-22');
  if (!out) throw new UsageError('--out is needed: the folder to write the return to');
  const request = { kind: kind as ReturnKind, year };
  const answer: ReturnBuildAnswer = await locallyOrByServer(
    io,
    () => withServices(io.env, async (services) => {
      try {
        const built = await services.returns.build(request.kind, { year });
        await services.audit.record({ kind: 'system', name: 'cli' }, { action: 'export.completed', subject: `returns/${kind}/${year}`, details: { return: kind, year, rulePack: built.manifest.rulePack, codeMap: built.manifest.codeMap } });
        return { built };
      } catch (error) {
        if (error instanceof ReturnsOptionsError) throw new UsageError(error.message);
        if (error instanceof ReturnRefusedError) return { refused: { message: error.message, run: error.run } };
        throw error;
      }
    }),
    (server) => server.returnsBuild(request),
  );
  if ('refused' in answer) {
    io.stderr.write(`cairn returns build: refused: ${answer.refused.message}\n`);
    if (answer.refused.run) {
      const errors = { ...answer.refused.run, findings: answer.refused.run.findings.filter((finding) => finding.kind === 'error'), skipped: [] };
      io.stderr.write(formatRuleRun(errors));
    }
    return 1;
  }
  const folder = resolve(out);
  await mkdir(folder, { recursive: true });
  for (const [name, text] of Object.entries(answer.built.files)) await writeFile(join(folder, name), text);
  const { manifest } = answer.built;
  io.stdout.write(`Wrote the ${manifest.year} ${manifest.return} return to ${folder} (rule pack ${manifest.rulePack}, code map ${manifest.codeMap}):\n`);
  for (const file of manifest.files) io.stdout.write(`  ${file.name.padEnd(20)} ${String(file.rows).padStart(6)} rows\n`);
  const { reconciliation } = manifest;
  io.stdout.write(`${reconciliation.indicator} on ${reconciliation.census}: ${reconciliation.fromIndicator}; the return: ${reconciliation.fromReturn}. ${manifest.queries} queries to check.\n`);
  return 0;
}

export const returnsCommand: Command = {
  name: 'returns',
  summary: "Check the records against a collection year's return rules, or build a return's files",
  usage: 'cairn returns check [--year 2021-22] [--json] | build --return clas|cp --year 2021-22 --out DIR',
  async run(args, io) {
    const [action, ...rest] = args;
    if (action === 'check') return check(rest, io);
    if (action === 'build') return build(rest, io);
    throw new UsageError(action ? `there is no "returns ${action}"` : 'say what to do: check or build');
  },
};
