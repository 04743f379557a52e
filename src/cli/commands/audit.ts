/**
 * @module `cairn audit verify`: walk the audit trail's hash chain and name its first broken link (exit 1);
 * `cairn audit export --from --to [--out FILE]`: the events of those days with their hashes, as JSON lines for a SIEM.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Command, CommandIo } from '../command.js';
import { UsageError } from '../command.js';
import { locallyOrByServer } from '../runningServer.js';
import { withDatabase } from '../openServices.js';
import { auditService } from '../../modules/audit/auditService.js';
import { auditRepository } from '../../modules/audit/auditRepository.js';
import type { ChainVerdict } from '../../modules/audit/auditChain.js';
import { readOptions } from './readOptions.js';

const cli = { kind: 'system', name: 'cli' } as const;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The verdict in words.
 * @example describeVerdict({ intact: true, events: 3 }) // 'chain intact: 3 events'
 */
export function describeVerdict(verdict: ChainVerdict): string {
  if (verdict.intact) return `chain intact: ${verdict.events} ${verdict.events === 1 ? 'event' : 'events'}`;
  const where = verdict.eventId === null ? 'the chain is broken' : `the chain is broken at event ${verdict.eventId}`;
  return `${where}: ${verdict.problem} (${verdict.events} events before it are intact)`;
}

async function verify(args: string[], io: CommandIo): Promise<number> {
  readOptions(args, { flags: [], values: [] });
  const verdict = await locallyOrByServer(
    io,
    () => withDatabase(io.env, (db) => auditService(db, auditRepository()).verifyChain()),
    (server) => server.auditVerify(),
  );
  (verdict.intact ? io.stdout : io.stderr).write(`${describeVerdict(verdict)}\n`);
  return verdict.intact ? 0 : 1;
}

/** A real calendar day written YYYY-MM-DD. */
function readDay(option: string, value: string | undefined): string {
  if (!value) throw new UsageError(`${option} is needed, e.g. ${option} 2026-01-31`);
  const day = new Date(`${value}T00:00:00Z`);
  if (!isoDate.test(value) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${option} ${value} is not a date written YYYY-MM-DD`);
  }
  return value;
}

async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(line)) await once(out, 'drain');
}

async function exportEvents(args: string[], io: CommandIo): Promise<number> {
  const { values } = readOptions(args, { flags: [], values: ['--from', '--to', '--out'] });
  const days = { from: readDay('--from', values.get('--from')), to: readDay('--to', values.get('--to')) };
  if (days.from > days.to) throw new UsageError('--to must be the same day as --from or after it');
  const file = values.get('--out');
  const out: Writable = file ? createWriteStream(file, { mode: 0o600 }) : io.stdout;
  try {
    const written = await locallyOrByServer(
      io,
      () => withDatabase(io.env, (db) => auditService(db, auditRepository()).exportChain(cli, days, (line) => writeLine(out, line))),
      (server) => server.auditExport(days, (line) => writeLine(out, line)),
    );
    if (file) io.stderr.write(`Wrote ${written} ${written === 1 ? 'event' : 'events'} to ${file}\n`);
    return 0;
  } finally {
    if (file) {
      out.end();
      await once(out, 'close');
    }
  }
}

export const auditCommand: Command = {
  name: 'audit',
  summary: "Check the audit trail's hash chain, or export its events with their hashes as JSON lines",
  usage: 'cairn audit verify | export --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE]',
  async run(args, io) {
    const [action, ...rest] = args;
    if (action === 'verify') return verify(rest, io);
    if (action === 'export') return exportEvents(rest, io);
    throw new UsageError(action ? `there is no "audit ${action}"` : 'say what to do: verify or export');
  },
};
