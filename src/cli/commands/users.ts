/** @module `cairn users`: add an account (with a given or generated password) and list accounts. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { UsageError, type Command, type CommandIo } from '../command.js';
import { withServices } from '../openServices.js';
import { isRole, roleKeys, type Role } from '../../platform/access/roles.js';
import { passwordProblem } from '../../modules/users/passwords.js';
import { accountRows } from '../../modules/users/userPresenter.js';

const usage =
  'cairn users list | add --username U --name "Full Name" --role ROLE [--team T] [--worker-id W] [--oidc-subject S] [--password-stdin]';

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

  const fromStdin = values['password-stdin'] === true;
  const password = fromStdin ? await readPassword(io.stdin ?? process.stdin) : generatePassword();
  const problem = passwordProblem(password);
  if (problem) {
    io.stderr.write(`cairn users add: ${problem}\n`);
    return 1;
  }
  const user = await withServices(io.env, (services) =>
    services.users.add({ kind: 'system', name: 'cli' }, {
      username,
      displayName,
      role: role as Role,
      team: text('team') ?? null,
      workerId: text('worker-id') ?? null,
      oidcSubject: text('oidc-subject') ?? null,
      password,
    }),
  );
  io.stdout.write(`Saved the account ${user.username} (${user.displayName}, ${user.role}).\n`);
  if (!fromStdin) {
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

export const usersCommand: Command = {
  name: 'users',
  summary: 'Add a user account, or list them',
  usage,
  async run(args, io) {
    const [action, ...rest] = args;
    if (action === 'add') return add(rest, io);
    if (action === 'list') return list(rest, io);
    throw new UsageError(action ? `there is no "users ${action}": use "add" or "list"` : 'say "add" or "list"');
  },
};
