/**
 * @module When the data folder is locked by a running Cairn (PGlite admits one process), `cairn stats`, `report`,
 * `import`, `returns` and `backup` send their work to that server, authenticated by the token in its handoff file (ADR 0017).
 */
import { loadConfig } from '../platform/config.js';
import { DataDirLockedError } from '../db/dataDirLock.js';
import { readCliHandoff, type CliHandoff } from '../platform/http/commandLineHandoff.js';
import { paths } from '../platform/http/paths.js';
import type { ImportLine } from '../app/commandLineRoutes.js';
import type { ImportOutcome, ImportProgress } from '../modules/extract/extractImportService.js';
import type { StatsOptions, StatsResult } from '../modules/reporting/statsTypes.js';
import type { CoverSheet } from '../modules/boardReport/boardReport.js';
import type { ReportFormat } from '../modules/boardReport/boardReportService.js';
import type { PaperFormat } from '../modules/boardPaper/boardPaperService.js';
import type { RuleRun } from '../modules/returns/runRules.js';
import type { RunTrigger } from '../modules/returns/dataQuality/dataQualityRepository.js';
import type { BuiltReturn } from '../modules/returns/buildReturn.js';
import type { ReturnKind } from '../modules/returns/returnLayouts.js';
import type { ChainVerdict } from '../modules/audit/auditChain.js';
import { UsageError, type CommandIo } from './command.js';
import { askServerOnce, ServerUnreachableError, type ServerAnswer } from './askServerOnce.js';

/** What the server answers to `cairn returns build`. */
export type ReturnBuildAnswer = { built: BuiltReturn } | { refused: { message: string; run: RuleRun | null } };

/** The running server, as a command sees it. */
export interface RunningServer {
  stats(options: StatsOptions): Promise<StatsResult>;
  report(request: { options: StatsOptions; cover: CoverSheet; format: ReportFormat; out: string }): Promise<Uint8Array>;
  /** A board paper edition's file: a number, or the latest draft. */
  edition(request: { edition: number | 'draft'; format: PaperFormat; out: string }): Promise<Uint8Array>;
  import(folder: string, onProgress: (progress: ImportProgress) => void): Promise<ImportOutcome>;
  returnsCheck(options: { year?: string; trigger?: RunTrigger }): Promise<RuleRun>;
  /** The built return, or why it was refused. */
  returnsBuild(request: { kind: ReturnKind; year: string }): Promise<ReturnBuildAnswer>;
  auditVerify(): Promise<ChainVerdict>;
  /** Each exported JSON line handed to `write` as it arrives; the number of events. */
  auditExport(days: { from: string; to: string }, write: (line: string) => Promise<void>): Promise<number>;
  /** The data folder as a gzipped tarball, taken by the server between two statements (ADR 0046). */
  backup(request: { out: string }): Promise<Uint8Array>;
}

/** The server's answer as an error: its own words for a request it refused (400 is the user's to fix). */
async function failure(response: ServerAnswer): Promise<Error> {
  const text = await response.text();
  let message = text;
  try {
    message = (JSON.parse(text) as { error?: string }).error ?? text;
  } catch {
    // not JSON: keep the text
  }
  return response.status === 400 ? new UsageError(message) : new Error(`the running Cairn refused: ${message} (${response.status})`);
}

function client(handoff: CliHandoff): RunningServer {
  const post = (path: string, body: unknown) => askServerOnce(`${handoff.url}${path}`, handoff.token, body);
  return {
    async stats(options) {
      const response = await post(paths.commandLine.stats(), options);
      if (!response.ok) throw await failure(response);
      return response.json<StatsResult>();
    },
    async report(request) {
      const response = await post(paths.commandLine.report(), request);
      if (!response.ok) throw await failure(response);
      return response.bytes();
    },
    async edition(request) {
      const response = await post(paths.commandLine.edition(), request);
      if (!response.ok) throw await failure(response);
      return response.bytes();
    },
    async returnsCheck(options) {
      const response = await post(paths.commandLine.returnsCheck(), options);
      if (!response.ok) throw await failure(response);
      return response.json<RuleRun>();
    },
    async returnsBuild(request) {
      const response = await post(paths.commandLine.returnsBuild(), request);
      if (!response.ok) throw await failure(response);
      return response.json<ReturnBuildAnswer>();
    },
    async auditVerify() {
      const response = await post(paths.commandLine.auditVerify(), {});
      if (!response.ok) throw await failure(response);
      return response.json<ChainVerdict>();
    },
    async auditExport(days, write) {
      const response = await post(paths.commandLine.auditExport(), days);
      if (!response.ok) throw await failure(response);
      let pending = '';
      let written = 0;
      const decoder = new TextDecoder();
      for await (const chunk of response.chunks()) {
        pending += decoder.decode(chunk, { stream: true });
        let newline: number;
        while ((newline = pending.indexOf('\n')) !== -1) {
          const line = pending.slice(0, newline + 1);
          pending = pending.slice(newline + 1);
          if (line.startsWith('{"error"')) throw new Error(`the running Cairn could not export: ${(JSON.parse(line) as { error: string }).error}`);
          await write(line);
          written++;
        }
      }
      return written;
    },
    async backup(request) {
      const response = await post(paths.commandLine.backup(), request);
      if (!response.ok) throw await failure(response);
      return response.bytes();
    },
    async import(folder, onProgress) {
      const response = await post(paths.commandLine.import(), { folder });
      if (!response.ok) throw await failure(response);
      let pending = '';
      const decoder = new TextDecoder();
      for await (const chunk of response.chunks()) {
        pending += decoder.decode(chunk, { stream: true });
        let newline: number;
        while ((newline = pending.indexOf('\n')) !== -1) {
          const line = JSON.parse(pending.slice(0, newline)) as ImportLine | { error: string };
          pending = pending.slice(newline + 1);
          if ('error' in line) throw new Error(`the running Cairn could not import: ${line.error}`);
          if ('progress' in line) onProgress(line.progress);
          else return line.outcome;
        }
      }
      throw new Error('the running Cairn stopped before the import finished');
    },
  };
}

/**
 * Do `local` (the work in this process, on its own database); when the data folder is locked by a running Cairn
 * that left a handoff, do `viaServer` with that server instead (and say so on stderr).
 * @example await locallyOrByServer(io, () => withServices(io.env, (s) => s.stats.compute(options)), (server) => server.stats(options))
 */
export async function locallyOrByServer<T>(io: CommandIo, local: () => Promise<T>, viaServer: (server: RunningServer) => Promise<T>): Promise<T> {
  try {
    return await local();
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const handoff = readCliHandoff(loadConfig(io.env).dataDir);
    // A handoff from another process than the one holding the lock is left over from an earlier run.
    if (!handoff || handoff.pid !== error.pid) throw error;
    io.stderr.write(`Cairn is running on this data folder (pid ${handoff.pid}): asking it.\n`);
    try {
      return await viaServer(client(handoff));
    } catch (failed) {
      if (failed instanceof ServerUnreachableError) throw new Error(`${error.message} It did not answer at ${handoff.url}.`);
      throw failed;
    }
  }
}
