/** @module The demo's accounts: one per role, all with the same published password — for fictional data only. */
import type { Actor, SignedInUser } from '../../platform/access/user.js';
import type { Role } from '../../platform/access/roles.js';
import { teams } from './authority.js';
import type { DemoExtract } from './extract.js';
import { openOn } from './demoFigures.js';
import type { UserService } from '../users/userService.js';

/** What createDemoUsers needs from the composition root. */
export interface CreateDemoUsersNeeds {
  users: UserService;
}

/** The demo password. It is printed at start-up and written here: never use it for real data. */
export const demoPassword = 'cairn-demo-2021';

export interface DemoSignIn {
  username: string;
  role: string;
  description: string;
}

export interface LoadedDemo {
  authorityName: string;
  password: string;
  signIns: DemoSignIn[];
}

interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  team: string | null;
  /** Only the practitioner has a worker id: theirs is the caseload they see. */
  practitioner: boolean;
  describe(workerId: string | null): string;
}

const accounts: readonly DemoAccount[] = [
  { username: 'practitioner', displayName: 'Kirsty Doig', role: 'practitioner', team: teams.familyFirst, practitioner: true, describe: (w) => `Family First worker (${w ?? 'no worker id'}), sees their caseload` },
  { username: 'manager', displayName: 'Alan Baird', role: 'team_manager', team: teams.familyFirst, practitioner: false, describe: () => 'Family First team manager, sees the team\'s referrals and caseloads' },
  { username: 'service.manager', displayName: 'Fiona Rennie', role: 'service_manager', team: null, practitioner: false, describe: () => 'Service manager, sees every child and the indicators' },
  { username: 'analyst', displayName: 'Ravi Menon', role: 'analyst', team: null, practitioner: false, describe: () => 'Analyst, works with indicators, returns and imports' },
  { username: 'admin', displayName: 'Jo Carmichael', role: 'admin', team: null, practitioner: false, describe: () => 'Administrator, manages accounts' },
];

/** The demo usernames, in the order the sign-ins are listed. */
export const demoUsernames: readonly string[] = accounts.map((a) => a.username);

/**
 * The Family First worker with the most cases open on the extract's reference date (ties: the lower id).
 * @example familyFirstPractitioner(generateDemoExtract({ seed: 2021 })) // e.g. 'W043'
 */
export function familyFirstPractitioner(extract: DemoExtract): string {
  const caseload = new Map<string, number>();
  for (const k of extract.cases) {
    if (k.team === teams.familyFirst && openOn(k.opened_date, k.closed_date, extract.today)) caseload.set(k.worker_id, (caseload.get(k.worker_id) ?? 0) + 1);
  }
  const ranked = [...caseload].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (!ranked.length) throw new Error('the demo extract has no open Family First cases');
  return ranked[0]![0];
}

/** True when a stored account is this demo account (same username, role and name), not someone's own. */
function isDemoAccount(user: SignedInUser, account: DemoAccount): boolean {
  return user.username === account.username && user.role === account.role && user.displayName === account.displayName;
}

/**
 * Create the demo accounts that do not exist yet; the practitioner gets `workerId`. An account that already
 * has one of the demo usernames is left as it is (its password is never reset), and is listed only if it
 * is the demo account. Returns the sign-ins that work with the demo password.
 * @example const signIns = await createDemoUsers(services, { kind: 'system', name: 'demo' }, 'W043')
 */
export async function createDemoUsers(services: CreateDemoUsersNeeds, actor: Actor, workerId: string): Promise<DemoSignIn[]> {
  const existing = await services.users.list();
  const signIns: DemoSignIn[] = [];
  for (const account of accounts) {
    const stored = existing.find((u) => u.username === account.username);
    if (stored) {
      if (isDemoAccount(stored, account)) signIns.push({ username: stored.username, role: stored.role, description: account.describe(stored.workerId) });
      continue;
    }
    const ownWorkerId = account.practitioner && !existing.some((u) => u.workerId === workerId) ? workerId : null;
    if (account.practitioner && !ownWorkerId) continue;
    await services.users.add(actor, {
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      team: account.team,
      workerId: ownWorkerId,
      password: demoPassword,
    });
    signIns.push({ username: account.username, role: account.role, description: account.describe(ownWorkerId) });
  }
  return signIns;
}

/**
 * The demo sign-ins among stored accounts (those that are the demo's, not someone's own account with a
 * demo username), or undefined when there are none.
 * @example demoSignInsFrom(await services.users.list())
 */
export function demoSignInsFrom(users: readonly SignedInUser[]): DemoSignIn[] | undefined {
  const signIns: DemoSignIn[] = [];
  for (const account of accounts) {
    const user = users.find((u) => isDemoAccount(u, account));
    if (user) signIns.push({ username: user.username, role: user.role, description: account.describe(user.workerId) });
  }
  return signIns.length ? signIns : undefined;
}
