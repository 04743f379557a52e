/** @module Administrators' pages for accounts: the list of accounts, and adding one. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { isRole, roleName } from '../../platform/access/roles.js';
import { passwordProblem } from './passwords.js';
import type { AccountClash } from './userService.js';
import { fieldErrors, type FieldErrors } from '../../platform/forms/fieldErrors.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import { accountRows, formValues, newAccountFields, roleItems } from './userPresenter.js';
import { tellNextPage } from '../../platform/http/flash.js';
import type { UserService } from './userService.js';
import type { ReferenceService } from '../references/referenceService.js';
import { listField, notOnList, type ListChoice } from '../../platform/forms/chooseFromList.js';
import type { AccountService } from './accountService.js';
import { grantView } from './accountPresenter.js';
import { needsSecondApproval } from './secondApproval.js';

/** What userAdminRoutes needs from the composition root. */
export interface UserAdminRoutesNeeds {
  users: UserService;
  accounts: Pick<AccountService, 'pendingGrants'>;
  references: Pick<ReferenceService, 'choices'>;
}

/** The account's team, chosen from the teams list (ADR 0029). */
const teamField = (teams: ListChoice[], value: string | undefined, error?: string) =>
  listField(teams, { id: 'team', label: 'Team (optional)', value, noneText: 'No team', error });

const optionalText = (max: number, tooLong: string) =>
  z.string().trim().max(max, tooLong).transform((value) => value || undefined);

/** The new account form, less the passwords (checked together below so every problem shows at once). */
export const newAccountForm = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter a username')
    .regex(/^[a-z0-9._@-]{2,64}$/, 'Username must be 2 to 64 characters: letters, numbers, full stops, hyphens, underscores or @'),
  displayName: z.string().trim().min(1, 'Enter the person’s full name').max(200, 'Full name must be 200 characters or fewer'),
  role: z.string({ error: 'Select a role' }).refine(isRole, 'Select a role'),
  team: optionalText(100, 'Team must be 100 characters or fewer'),
  workerId: optionalText(64, 'Worker ID must be 64 characters or fewer').refine(
    (value) => value === undefined || /^[A-Za-z0-9._/-]+$/.test(value),
    'Worker ID must only include letters, numbers, full stops, hyphens, underscores and slashes',
  ),
  oidcSubject: optionalText(255, 'Single sign-on subject must be 255 characters or fewer'),
});

/**
 * Problems with the password fields: a password is needed unless the account signs in only with the
 * council account.
 * @example passwordErrors('', '', false) // { password: 'Enter a password, or …' }
 */
export function passwordErrors(password: string, confirmPassword: string, singleSignOnOnly: boolean): FieldErrors {
  if (!password) {
    if (confirmPassword) return { password: 'Enter the password in both boxes' };
    return singleSignOnOnly ? {} : { password: 'Enter a password, or a single sign-on subject for an account that signs in only with the council account' };
  }
  const problem = passwordProblem(password);
  if (problem) return { password: problem };
  if (!confirmPassword) return { confirmPassword: 'Confirm the password' };
  if (confirmPassword !== password) return { confirmPassword: 'The passwords do not match' };
  return {};
}

const clashMessages: Record<AccountClash, string> = {
  username: 'An account with this username already exists',
  workerId: 'Another account already has this worker ID',
  oidcSubject: 'Another account already has this single sign-on subject',
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * `/admin/users` and `/admin/users/new`, for people with `user:manage`.
 * @example await userAdminRoutes(app, services)
 */
export async function userAdminRoutes(app: FastifyInstance, services: UserAdminRoutesNeeds): Promise<void> {
  const manage = { config: { access: { permission: 'user:manage' as const } } };

  app.get(paths.admin.users.pattern, manage, async (request, reply) => {
    const grants = (await services.accounts.pendingGrants()).map((grant) => grantView(grant, request.user!.userId));
    return reply.view('users/views/list.njk', { title: 'Users', accounts: accountRows(await services.users.list()), grants });
  });

  app.get(paths.admin.newUser.pattern, manage, async (request, reply) => {
    const values = formValues(request.draft);
    return reply.view('users/views/new.njk', {
      title: 'Add a user',
      values,
      roleItems: roleItems(values.role),
      teamField: teamField(await services.references.choices('team'), values.team),
      restored: !!request.draft,
      errors: {},
      errorList: [],
    });
  });

  app.post(paths.admin.newUser.pattern, manage, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const submitted = Object.fromEntries(newAccountFields.map((field) => [field, text(body[field])]));
    const parsed = newAccountForm.safeParse(submitted);
    const errors: FieldErrors = {
      ...(parsed.success ? {} : fieldErrors(parsed.error.issues)),
      ...passwordErrors(submitted.password!, submitted.confirmPassword!, !!submitted.oidcSubject!.trim()),
    };
    const teams = await services.references.choices('team');
    const teamProblem = notOnList(teams, submitted.team, { label: 'team' });
    if (teamProblem) errors.team = teamProblem;
    // A role that needs a second administrator is granted on the account's page, never at creation (ADR 0043).
    if (parsed.success && needsSecondApproval(parsed.data.role)) {
      errors.role = `A new account cannot start as ${roleName(parsed.data.role)}: add it with another role, then change its role, which another administrator approves`;
    }
    if (parsed.success && Object.keys(errors).length === 0) {
      const result = await services.users.create(
        { kind: 'user', user: request.user! },
        { ...parsed.data, password: submitted.password || undefined },
      );
      if ('created' in result) {
        tellNextPage(request, `Account added for ${result.created.username}`);
        return reply.redirect(paths.admin.users(), 303);
      }
      for (const clash of result.clashes) errors[clash] = clashMessages[clash];
    }
    const values = formValues(submitted);
    return reply.view('users/views/new.njk', {
      title: 'Add a user',
      values,
      roleItems: roleItems(values.role),
      teamField: teamField(teams, values.team, errors.team),
      restored: false,
      errors,
      errorList: errorSummary(errors, newAccountFields),
    });
  });
}
