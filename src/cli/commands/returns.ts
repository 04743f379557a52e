/** @module `cairn returns check`: every issue the collection year's rules find in the records, and exit 1 while an error remains. */
import type { Command, CommandIo } from '../command.js';
import { UsageError } from '../command.js';
import { locallyOrByServer } from '../runningServer.js';
import { withDatabase } from '../openServices.js';
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
    }),
    (server) => server.returnsCheck(options),
  );
  io.stdout.write(flags.has('--json') ? `${JSON.stringify(run, null, 2)}\n` : formatRuleRun(run));
  return blocksReturn(run) ? 1 : 0;
}

export const returnsCommand: Command = {
  name: 'returns',
  summary: "Check the records against a collection year's statutory return rules",
  usage: 'cairn returns check [--year 2021-22] [--json]',
  async run(args, io) {
    const [action, ...rest] = args;
    if (action === 'check') return check(rest, io);
    throw new UsageError(action ? `there is no "returns ${action}"` : 'say what to do: check');
  },
};
