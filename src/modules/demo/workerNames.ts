/**
 * @module The demo's workers by name: the extract knows its sixty workers only by worker ID (W001–W060), so after the
 * import the demo administrator names each one on the workers reference list (audited, as an administrator would),
 * the account holders by their account's name, the rest with invented names from the demo's seed.
 */
import type { ReferenceService } from '../references/referenceService.js';
import type { UserService } from '../users/userService.js';
import type { DemoExtract } from './extract.js';
import { nameMaker } from './names.js';

/** What nameDemoWorkers needs from the composition root. */
export interface NameDemoWorkersNeeds {
  references: ReferenceService;
  users: UserService;
}

/**
 * Name every worker still known only by their ID; returns how many were named.
 * @example await nameDemoWorkers(services, extract) // 60
 */
export async function nameDemoWorkers(services: NameDemoWorkersNeeds, extract: DemoExtract): Promise<number> {
  const accounts = await services.users.list();
  const admin = accounts.find((user) => user.username === 'admin' && user.role === 'admin');
  if (!admin) return 0;
  const accountNames = new Map(accounts.filter((user) => user.workerId).map((user) => [user.workerId!, user.displayName]));
  const names = nameMaker(extract.seed + 60);
  const taken = new Set<string>();
  let named = 0;
  for (const entry of await services.references.entries('worker')) {
    if (!entry.code || entry.name !== entry.code) continue;
    let name = accountNames.get(entry.code);
    while (!name || taken.has(name)) name = `${names.forename('U')} ${names.surname()}`;
    taken.add(name);
    const renamed = await services.references.rename(admin, 'worker', entry.entryId, { name, code: entry.code });
    if (renamed.outcome === 'problems') continue; // a clash with a name already on the list: leave this one by its ID
    named += 1;
  }
  return named;
}
