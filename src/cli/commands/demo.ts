/** @module `cairn demo`: generate the fictional Glenmuir extract, import it as `cairn import` does, and create the demo accounts. */
import { parseArgs } from 'node:util';
import type { Command, CommandIo } from '../command.js';
import { UsageError } from '../command.js';
import { loadConfig } from '../../platform/config.js';
import { withServices } from '../openServices.js';
import { importCommand } from './import.js';
import { familyFirst } from '../../modules/demo/authority.js';
import { censusFigures, familyFirstReferrals, lookedAfterOn, openCaseChildrenOn } from '../../modules/demo/demoFigures.js';
import { createDemoUsers, demoPassword, familyFirstPractitioner, type DemoSignIn } from '../../modules/demo/demoUsers.js';
import { recordUndecidedReferrals } from '../../modules/demo/undecidedReferrals.js';
import { recordPracticeQuality } from '../../modules/demo/practiceQuality.js';
import { recordFamilyFirstWork } from '../../modules/demo/familyFirstWork.js';
import { recordSafetyMaps } from '../../modules/demo/safetyMaps.js';
import { recordProviderRates } from '../../modules/demo/providerRates.js';
import { nameDemoWorkers } from '../../modules/demo/workerNames.js';
import { recordShortBreakFlat } from '../../modules/demo/shortBreakFlat.js';
import { recordBoardPaperDraft } from '../../modules/demo/boardPaperDraft.js';
import type { DemoExtract } from '../../modules/demo/extract.js';
import { demoTimeline, familyFirstStart } from '../../modules/demo/demoTimeline.js';
import { generateDemoStory } from '../../modules/demo/demoStory.js';
import { addYears, isIsoDate } from '../../platform/dates/isoDates.js';
import { writeDemoExtract } from '../../modules/demo/writeCsv.js';

const usage = 'cairn demo [--seed N] [--today YYYY-MM-DD] [--out DIR] [--no-import]';

function readOptions(args: string[]): { seed?: string; today?: string; out?: string; 'no-import'?: boolean } {
  try {
    return parseArgs({
      args,
      options: { seed: { type: 'string' }, today: { type: 'string' }, out: { type: 'string' }, 'no-import': { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function describe(extract: DemoExtract, files: { file: string; rows: number }[], folder: string, milliseconds: number): string {
  const width = Math.max(...files.map((f) => f.file.length));
  const census = censusFigures(extract);
  // The seed report's Family First window (to 30 April 2022), moved with the story.
  const windowEnd = addYears('2022-04-30', demoTimeline(extract.today).years);
  const referred = familyFirstReferrals(extract, windowEnd);
  const open = openCaseChildrenOn(extract, extract.today);
  const lookedAfter = lookedAfterOn(extract, extract.today);
  return [
    `Generated the fictional ${extract.authority.authority_name} (${extract.authority.authority_code}) demo, seed ${extract.seed}, history to ${extract.today}, in ${milliseconds} ms:`,
    ...files.map((f) => `  ${folder}/${f.file.padEnd(width)}  ${String(f.rows).padStart(6)} rows`),
    `Looked after on 31 July:   ${census.map((c) => `${c.census.slice(0, 4)} ${c.lookedAfter}`).join(', ')}`,
    `Placed outwith authority:  ${census.map((c) => `${c.census.slice(0, 4)} ${c.outOfAuthority}`).join(', ')}`,
    `Open cases on ${extract.today}: ${open.size} children, ${[...open].filter((c) => lookedAfter.has(c)).length} of them looked after`,
    `Family First in ${familyFirst.cluster} from ${familyFirstStart(extract.today)} to ${windowEnd}: ${referred.children} children from ${referred.families} families`,
    '',
  ].join('\n');
}

function signInLines(authorityName: string, signIns: DemoSignIn[]): string {
  return [
    `Demo sign-ins for ${authorityName} (fictional data; the password is the same for each):`,
    ...signIns.map((s) => `  ${s.username.padEnd(16)} ${s.role.padEnd(16)} ${s.description}`),
    `  password: ${demoPassword}`,
    '',
  ].join('\n');
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Generate the fictional Glenmuir demo extract, import it and create the demo accounts',
  usage,
  async run(args: string[], io: CommandIo) {
    const options = readOptions(args);
    const config = loadConfig(io.env);
    if (options.seed !== undefined && !/^-?\d{1,15}$/.test(options.seed)) throw new UsageError(`--seed must be a whole number, not "${options.seed}"`);
    const seed = options.seed === undefined ? config.demoSeed : Number(options.seed);
    const folder = options.out ?? 'demo-extract';
    const importing = !options['no-import'];
    if (importing && config.production) {
      io.stderr.write('cairn demo: will not load demo accounts, whose password is public, into a production database; use --no-import to write the files only\n');
      return 1;
    }

    if (options.today !== undefined && !isIsoDate(options.today)) throw new UsageError(`--today must be a date like 2026-12-02, not "${options.today}"`);
    const today = options.today ?? config.demoToday;

    const started = performance.now();
    const extract = generateDemoStory({ seed, ...(today ? { today } : {}) });
    const files = await writeDemoExtract(folder, extract);
    io.stdout.write(describe(extract, files, folder, Math.round(performance.now() - started)));
    if (!importing) {
      io.stdout.write(`Not imported (--no-import). To load it: cairn import ${folder}\n`);
      return 0;
    }

    const imported = await importCommand.run([folder], io);
    if (imported !== 0) return imported;
    const signIns = await withServices(io.env, async (services) => {
      const created = await createDemoUsers(services, { kind: 'system', name: 'cli' }, familyFirstPractitioner(extract));
      await recordUndecidedReferrals(services, extract);
      await recordPracticeQuality(services, extract);
      // As on start-up (loadDemoIfEmpty): provider rates, Family First work, the short-break flat, the draft board paper and the safety maps.
      await nameDemoWorkers(services, extract);
      await recordProviderRates(services, { kind: 'system', name: 'cli' }, extract.today);
      await recordFamilyFirstWork(services, extract);
      await recordShortBreakFlat(services, extract);
      await recordBoardPaperDraft(services, extract.today);
      await recordSafetyMaps(services, extract);
      return created;
    });
    io.stdout.write(signInLines(extract.authority.authority_name, signIns));
    return 0;
  },
};
