/**
 * @module `cairn users`: add an account (with a given or generated password; an existing one only with --update), list
 * accounts, disable and enable one, set a role, and approve a role grant waiting for a second administrator — the
 * operator's step (ADR 0043).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { UsageError, type Command, type CommandIo } from '../command.js';
import { withServices } from '../openServices.js';
import { isRole, roleKeys, roleName, type Role } from '../../platform/access/roles.js';
import type { AccountChange } from '../../modules/users/accountService.js';
import { passwordProblem } from '../../modules/users/passwords.js';
import { accountRows } from '../../modules/users/userPresenter.js';

const usage = [
  'cairn users list',
  '       cairn users add --username U --name "Full Name" --role ROLE [--team T] [--worker-id W] [--oidc-subject S] [--password-stdin] [--update]',
  '       cairn users disable --username U | enable --username U',
  '       cairn users role --username U --role ROLE',
  '       cairn users approve --username U      (approve the role waiting for a second administrator)',
].join('\n');

/**
 * A strong password to hand over once: 24 characters from 18 random bytes (144 bits).
 * @example generatePassword() // 'q3V9…' (24 characters)
 */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * All of a stream's text, less one trailing line ending (what `echo` or a here-string adds).
 * @example await readPassword(process.stdin)
 */
export async function readPassword(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function add(args: string[], io: CommandIo): Promise<number> {
  const { values } = parse(args, {
    username: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    team: { type: 'string' },
    'worker-id': { type: 'string' },
    'oidc-subject': { type: 'string' },
    'password-stdin': { type: 'boolean' },
    update: { type: 'boolean' },
  });
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const username = text('username')?.toLowerCase();
  const displayName = text('name');
  const role = text('role');
  if (!username) throw new UsageError('--username is required');
  if (!/^[a-z0-9._@-]{2,64}$/.test(username)) {
    throw new UsageError('--username must be 2 to 64 characters: letters, numbers, full stops, hyphens, underscores or @');
  }
  if (!displayName) throw new UsageError('--name is required');
  if (!role) throw new UsageError(`--role is required: one of ${roleKeys().join(', ')}`);
  if (!isRole(role)) throw new UsageError(`--role must be one of ${roleKeys().join(', ')}`);

  const update = values.update === true;
  const fromStdin = values['password-stdin'] === true;
  // An update keeps the account's password unless a new one comes from standard input.
  const password = fromStdin ? await readPassword(io.stdin ?? process.stdin) : update ? undefined : generatePassword();
  const problem = password === undefined ? undefined : passwordProblem(password);
  if (problem) {
    io.stderr.write(`cairn users add: ${problem}\n`);
    return 1;
  }
  const user = await withServices(io.env, async (services) => {
    if (!update && (await services.users.findAccountByUsername(username))) return undefined;
    return services.users.add({ kind: 'system', name: 'cli' }, {
      username,
      displayName,
      role: role as Role,
      team: text('team') ?? null,
      workerId: text('worker-id') ?? null,
      oidcSubject: text('oidc-subject') ?? null,
      ...(password === undefined ? {} : { password }),
    });
  });
  if (!user) {
    io.stderr.write(`cairn users add: there is already an account called ${username}; add --update to change it\n`);
    return 1;
  }
  io.stdout.write(`Saved the account ${user.username} (${user.displayName}, ${user.role}).\n`);
  if (password !== undefined && !fromStdin) {
    io.stdout.write(`Password (shown only this once; give it to ${user.displayName} securely): ${password}\n`);
  }
  return 0;
}

async function list(args: string[], io: CommandIo): Promise<number> {
  parse(args, {});
  const accounts = await withServices(io.env, (services) => services.users.list());
  const rows = accountRows(accounts).map((account) => [
    account.username,
    account.displayName,
    account.roleName,
    account.team,
    account.workerId,
    account.signsInWith,
    account.disabled ? 'disabled' : account.locked ? 'locked' : 'active',
  ]);
  const table = [['USERNAME', 'NAME', 'ROLE', 'TEAM', 'WORKER ID', 'SIGNS IN WITH', 'STATUS'], ...rows];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  for (const row of table) io.stdout.write(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd() + '\n');
  if (rows.length === 0) io.stdout.write('There are no accounts yet. Add one with "cairn users add".\n');
  return 0;
}

/** The account named by --username, or a usage error. */
function usernameOf(values: Record<string, unknown>): string {
  const username = typeof values.username === 'string' ? values.username.trim().toLowerCase() : '';
  if (!username) throw new UsageError('--username is required');
  return username;
}

const operator = { kind: 'system', name: 'cli' } as const;

/** What an account change says on the command line. */
function report(io: CommandIo, username: string, result: AccountChange | 'no_account', done: string): number {
  if (result === 'no_account' || result.outcome === 'not_found') {
    io.stderr.write(`cairn users: there is no account called ${username}\n`);
    return 1;
  }
  if (result.outcome === 'refused') {
    io.stderr.write(`cairn users: ${result.reason}\n`);
    return 1;
  }
  io.stdout.write(result.outcome === 'unchanged' ? `Nothing to change: ${username} is already like that.\n` : `${done}\n`);
  return 0;
}

async function disableOrEnable(action: 'disable' | 'enable', args: string[], io: CommandIo): Promise<number> {
  const username = usernameOf(parse(args, { username: { type: 'string' } }).values);
  const result = await withServices(io.env, async (services) => {
    const account = await services.users.findAccountByUsername(username);
    if (!account) return 'no_account' as const;
    return action === 'disable' ? services.accounts.disable(operator, account.userId) : services.accounts.enable(operator, account.userId);
  });
  return report(io, username, result, action === 'disable' ? `Disabled ${username}; every session it had is ended.` : `Enabled ${username}.`);
}

async function setRole(args: string[], io: CommandIo): Promise<number> {
  const { values } = parse(args, { username: { type: 'string' }, role: { type: 'string' } });
  const username = usernameOf(values);
  const asked = values.role;
  const role = typeof asked === 'string' ? asked.trim() : '';
  if (!isRole(role)) throw new UsageError(`--role must be one of ${roleKeys().join(', ')}`);
  const result = await withServices(io.env, async (services) => {
    const account = await services.users.findAccountByUsername(username);
    return account ? services.accounts.changeRole(operator, account.userId, role) : ('no_account' as const);
  });
  return report(io, username, result, `${username} is now ${roleName(role)}.`);
}

async function approve(args: string[], io: CommandIo): Promise<number> {
  const username = usernameOf(parse(args, { username: { type: 'string' } }).values);
  const result = await withServices(io.env, async (services) => {
    const account = await services.users.findAccountByUsername(username);
    if (!account) return 'no_account' as const;
    const waiting = (await services.accounts.pendingGrants()).find((grant) => grant.userId === account.userId);
    if (!waiting) return { outcome: 'refused', reason: `no role is waiting for approval for ${username}` } as const;
    return services.accounts.approveGrant(operator, waiting.grantId);
  });
  const role = typeof result === 'object' && 'account' in result ? roleName(result.account.role) : '';
  return report(io, username, result, `Approved: ${username} is now ${role}.`);
}

export const usersCommand: Command = {
  name: 'users',
  summary: 'Add, list, disable or enable user accounts, set a role, approve a role grant',
  usage,
  async run(args, io) {
    const [action, ...rest] = args;
    if (action === 'add') return add(rest, io);
    if (action === 'list') return list(rest, io);
    if (action === 'disable' || action === 'enable') return disableOrEnable(action, rest, io);
    if (action === 'role') return setRole(rest, io);
    if (action === 'approve') return approve(rest, io);
    const actions = '"add", "list", "disable", "enable", "role" or "approve"';
    throw new UsageError(action ? `there is no "users ${action}": use ${actions}` : `say ${actions}`);
  },
};
