/** @module Loads the fictional Glenmuir demo into an empty database at start-up: generate, write, import, create the demo accounts. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../platform/access/user.js';
import type { ImportProgress } from '../extract/extractImportService.js';
import { formatProblem } from '../extract/extractProblem.js';
import { demoAuthority } from './authority.js';
import { demoRepository } from './demoRepository.js';
import { createDemoUsers, demoPassword, demoSignInsFrom, familyFirstPractitioner, type CreateDemoUsersNeeds, type LoadedDemo } from './demoUsers.js';
import { recordUndecidedReferrals, type RecordUndecidedReferralsNeeds } from './undecidedReferrals.js';
import { recordPracticeQuality, type RecordPracticeQualityNeeds } from './practiceQuality.js';
import { recordBoardPaperDraft, type RecordBoardPaperDraftNeeds } from './boardPaperDraft.js';
import { recordShortBreakFlat, type RecordShortBreakFlatNeeds } from './shortBreakFlat.js';
import { recordFamilyFirstWork, type RecordFamilyFirstWorkNeeds } from './familyFirstWork.js';
import { recordSafetyMaps, type RecordSafetyMapsNeeds } from './safetyMaps.js';
import { recordProviderRates, type RecordProviderRatesNeeds } from './providerRates.js';
import { nameDemoWorkers, type NameDemoWorkersNeeds } from './workerNames.js';
import type { Config } from '../../platform/config.js';
import type { UserService } from '../users/userService.js';
import type { ExtractImportService } from '../extract/extractImportService.js';
import type { AuthorityService } from '../authority/authorityService.js';
import type { Database } from '../../db/database.js';

/** What loadDemoIfEmpty needs from the composition root. */
export interface LoadDemoIfEmptyNeeds extends RecordUndecidedReferralsNeeds, RecordFamilyFirstWorkNeeds, RecordPracticeQualityNeeds, RecordShortBreakFlatNeeds, RecordBoardPaperDraftNeeds, CreateDemoUsersNeeds, RecordProviderRatesNeeds, NameDemoWorkersNeeds, RecordSafetyMapsNeeds {
  authority: AuthorityService;
  config: Config;
  db: Database;
  extractImport: ExtractImportService;
  users: UserService;
}

export type { DemoSignIn, LoadedDemo } from './demoUsers.js';

const demoActor: Actor = { kind: 'system', name: 'demo' };

/** One progress line per stage and file, not one per batch of rows. */
function importProgress(say: (line: string) => void): (progress: ImportProgress) => void {
  let last = '';
  return (progress) => {
    const line = `Demo: ${progress.stage} ${progress.file}`;
    if (line !== last) say(line);
    last = line;
  };
}

/**
 * With no children in the database: generate the demo authority from `config.demoSeed`, import it and
 * create the demo accounts. With children already there: nothing is written, and the sign-ins are
 * returned only if this is the demo authority and its accounts exist (so `npm start` can list them).
 * Throws, listing the first problems, if the importer refuses the demo extract.
 * @example const demo = await loadDemoIfEmpty(services, { onProgress: (line) => console.error(line) })
 */
export async function loadDemoIfEmpty(services: LoadDemoIfEmptyNeeds, options: { onProgress?: (line: string) => void } = {}): Promise<LoadedDemo | undefined> {
  const say = options.onProgress ?? (() => undefined);
  if (await demoRepository().hasChildren(services.db)) {
    const authority = await services.authority.current();
    if (authority?.code !== demoAuthority.authority_code) return undefined;
    const signIns = demoSignInsFrom(await services.users.list());
    return signIns && { authorityName: authority.name, password: demoPassword, signIns };
  }

  const started = performance.now();
  const seed = services.config.demoSeed;
  say(`Demo: the database is empty, so loading the fictional ${demoAuthority.authority_name} demo (seed ${seed})`);
  // Loaded only when needed, so that starting Cairn with data already in it does not pay for faker.
  const [{ generateDemoStory }, { writeDemoExtract }] = await Promise.all([import('./demoStory.js'), import('./writeCsv.js')]);
  const extract = generateDemoStory({ seed, ...(services.config.demoToday ? { today: services.config.demoToday } : {}) });
  const pglite = services.db.engine === 'pglite';
  const folder = pglite ? join(services.config.dataDir, 'demo-extract') : await mkdtemp(join(tmpdir(), 'cairn-demo-'));
  try {
    const files = await writeDemoExtract(folder, extract);
    const rows = files.reduce((sum, f) => sum + f.rows, 0);
    say(`Demo: generated ${rows} rows in ${Math.round(performance.now() - started)} ms into ${folder}`);
    const outcome = await services.extractImport.importFolder(demoActor, folder, { onProgress: importProgress(say) });
    if (!outcome.ok) {
      const shown = outcome.problems.slice(0, 10).map((p) => `  ${formatProblem(p)}`).join('\n');
      throw new Error(`the demo extract was refused with ${outcome.problems.length} problems; the first:\n${shown}`);
    }
    const signIns = await createDemoUsers(services, demoActor, familyFirstPractitioner(extract));
    const named = await nameDemoWorkers(services, extract);
    say(`Demo: the administrator named ${named} workers on the workers list`);
    const costed = await recordProviderRates(services, demoActor, extract.today);
    say(`Demo: gave the residential providers' homes dated rates; ${costed} placements there take the rate of their start date`);
    const referrals = await recordUndecidedReferrals(services, extract);
    say(`Demo: recorded ${referrals} undecided referrals for the Family First tray`);
    const qualityStarted = performance.now();
    const quality = await recordPracticeQuality(services, extract);
    if (quality) say(`Demo: recorded practice quality in ${((performance.now() - qualityStarted) / 1000).toFixed(1)} s: ${quality.staff} people on the staff register, ${quality.sessions} training sessions, ${quality.rounds.length} audit rounds, ${quality.waves.length} survey waves`);
    const families = await recordFamilyFirstWork(services, extract);
    if (families) say(`Demo: recorded Family First work with ${families} families: plans, sessions and their own words`);
    const stays = await recordShortBreakFlat(services, extract);
    if (stays) say(`Demo: booked the short-break flat ${stays} times over the last financial year`);
    const paper = await recordBoardPaperDraft(services, extract.today);
    if (paper) say(`Demo: drafted board paper edition ${paper} for the next Integration Joint Board, every section filled`);
    const mapsStarted = performance.now();
    const maps = await recordSafetyMaps(services, extract);
    if (maps) say(`Demo: recorded Signs of Safety maps for ${maps} children, each scaled at three meetings, in ${((performance.now() - mapsStarted) / 1000).toFixed(1)} s`);
    say(`Demo: imported ${outcome.rows} rows and created ${signIns.length} demo accounts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { authorityName: extract.authority.authority_name, password: demoPassword, signIns };
  } finally {
    if (!pglite) await rm(folder, { recursive: true, force: true });
  }
}
