/**
 * @module An account's page for administrators (issue 16 item 4): its details and last sign-in, changing its role
 * and team, disabling and enabling it (asked first, with the confirmation kit), and approving or cancelling a role
 * grant that waits for a second administrator (ADR 0043).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { HttpError } from '../../platform/http/httpError.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { roleName, isRole, type Role } from '../../platform/access/roles.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import { formValues, readForm } from '../../platform/forms/formValues.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { askToConfirm, confirmed } from '../../platform/forms/confirmation.js';
import { listField, notOnList } from '../../platform/forms/chooseFromList.js';
import type { ReferenceService } from '../references/referenceService.js';
import type { AccountChange, AccountService } from './accountService.js';
import { accountPage } from './accountPresenter.js';
import { roleItems } from './userPresenter.js';
import { needsSecondApproval } from './secondApproval.js';

/** What accountRoutes needs from the composition root. */
export interface AccountRoutesNeeds {
  accounts: AccountService;
  references: Pick<ReferenceService, 'choices'>;
}

const userParams = z.object({ userId: z.uuid() });
const grantParams = z.object({ grantId: z.uuid() });
const roleForm = z.object({ role: z.string().refine(isRole, 'Select a role') });

/** The id in the path, or a 404 that says there is no such account. */
function idOf<T extends z.ZodType<Record<string, string>>>(schema: T, request: FastifyRequest, what: string): z.infer<T> {
  const parsed = schema.safeParse(request.params);
  if (!parsed.success) throw new HttpError(404, `There is no ${what} with that id`);
  return parsed.data;
}

/**
 * `/admin/users/:userId` and its changes, `/admin/role-grants/:grantId/*`, for people with `user:manage`.
 * @example await accountRoutes(app, services)
 */
export async function accountRoutes(app: FastifyInstance, services: AccountRoutesNeeds): Promise<void> {
  const manage = { config: { access: { permission: 'user:manage' as const } } };
  const actorOf = (request: FastifyRequest) => ({ kind: 'user' as const, user: request.user! });

  async function detailsOr404(userId: string) {
    const details = await services.accounts.details(userId);
    if (!details) throw new HttpError(404, 'There is no account with that id');
    return details;
  }

  /** Answer a change: back to the account's page with what happened, or the account's page with why not. */
  function answer(request: FastifyRequest, reply: FastifyReply, userId: string, result: AccountChange, done: string): FastifyReply {
    if (result.outcome === 'not_found') throw new HttpError(404, 'There is no account with that id');
    if (result.outcome === 'refused') tellNextPage(request, result.reason);
    else if (result.outcome === 'waiting_for_approval') tellNextPage(request, `${result.account.username}’s new role waits for another administrator to approve it`);
    else if (result.outcome === 'done') tellNextPage(request, done);
    return reply.redirect(paths.admin.user({ userId }), 303);
  }

  app.get(paths.admin.user.pattern, manage, async (request, reply) => {
    const { userId } = idOf(userParams, request, 'account');
    const details = await detailsOr404(userId);
    return reply.view('users/views/account.njk', { title: `${details.account.displayName} (${details.account.username})`, page: accountPage(details, request.user!.userId) });
  });

  // Changing the role.
  const showRole = async (reply: FastifyReply, userId: string, values: Record<string, string>, errors: FieldErrors) => {
    const details = await detailsOr404(userId);
    return reply.view('users/views/changeRole.njk', {
      title: `Change ${details.account.username}’s role`,
      username: details.account.username,
      action: paths.admin.userRole({ userId }),
      backHref: paths.admin.user({ userId }),
      values,
      roleItems: roleItems(values.role ?? details.account.role).map((item) => needsSecondApproval(item.value) ? { ...item, hint: { text: `${item.hint.text}. Another administrator must approve it` } } : item),
      errors,
      errorList: errorSummary(errors, ['role']),
    });
  };
  app.get(paths.admin.userRole.pattern, manage, async (request, reply) => {
    const { userId } = idOf(userParams, request, 'account');
    return showRole(reply, userId, {}, {});
  });
  app.post(paths.admin.userRole.pattern, manage, async (request, reply) => {
    const { userId } = idOf(userParams, request, 'account');
    const form = readForm(formValues(request.body, ['role']), roleForm, {});
    if (!form.data) return showRole(reply, userId, form.values, form.problems);
    const role = form.data.role as Role;
    const result = await services.accounts.changeRole(actorOf(request), userId, role);
    return answer(request, reply, userId, result, `${'account' in result ? result.account.username : ''} is now ${roleName(role)}`);
  });

  // Changing the team, chosen from the teams list (ADR 0029).
  const showTeam = async (reply: FastifyReply, userId: string, values: Record<string, string>, errors: FieldErrors) => {
    const details = await detailsOr404(userId);
    const teams = await services.references.choices('team');
    return reply.view('users/views/changeTeam.njk', {
      title: `Change ${details.account.username}’s team`,
      username: details.account.username,
      action: paths.admin.userTeam({ userId }),
      backHref: paths.admin.user({ userId }),
      values,
      teamField: listField(teams, { id: 'team', label: 'Team', value: values.team ?? details.account.team ?? '', kept: details.account.team, noneText: 'No team', error: errors.team }),
      errors,
      errorList: errorSummary(errors, ['team']),
    });
  };
  app.get(paths.admin.userTeam.pattern, manage, async (request, reply) => {
    const { userId } = idOf(userParams, request, 'account');
    return showTeam(reply, userId, {}, {});
  });
  app.post(paths.admin.userTeam.pattern, manage, async (request, reply) => {
    const { userId } = idOf(userParams, request, 'account');
    const values = formValues(request.body, ['team']);
    const details = await detailsOr404(userId);
    const problem = notOnList(await services.references.choices('team'), values.team, { kept: details.account.team, label: 'team' });
    if (problem) return showTeam(reply, userId, values, { team: problem });
    const team = values.team!.trim() || null;
    const result = await services.accounts.changeTeam(actorOf(request), userId, team);
    return answer(request, reply, userId, result, `${details.account.username}’s team is now ${team ?? 'none'}`);
  });

  // Disabling and enabling, each asked first.
  app.post(paths.admin.disableUser.pattern, manage, async (request, reply) => {
    const { userId } = idOf(userParams, request, 'account');
    const details = await detailsOr404(userId);
    if (!confirmed(request.body)) {
      return askToConfirm(reply, {
        question: `Disable ${details.account.username}?`,
        details: [`${details.account.displayName} will not be able to sign in.`],
        consequence: `Every session they have open ends now (${details.openSessions} open). You can enable the account again later.`,
        action: paths.admin.disableUser({ userId }),
        confirmText: 'Yes, disable the account',
        backHref: paths.admin.user({ userId }),
      });
    }
    const result = await services.accounts.disable(actorOf(request), userId);
    return answer(request, reply, userId, result, `${details.account.username} is disabled and signed out everywhere`);
  });
  app.post(paths.admin.enableUser.pattern, manage, async (request, reply) => {
    const { userId } = idOf(userParams, request, 'account');
    const details = await detailsOr404(userId);
    if (!confirmed(request.body)) {
      return askToConfirm(reply, {
        question: `Enable ${details.account.username}?`,
        details: [`${details.account.displayName} will be able to sign in again as ${roleName(details.account.role)}.`],
        action: paths.admin.enableUser({ userId }),
        confirmText: 'Yes, enable the account',
        backHref: paths.admin.user({ userId }),
      });
    }
    const result = await services.accounts.enable(actorOf(request), userId);
    return answer(request, reply, userId, result, `${details.account.username} is enabled`);
  });

  // Role grants waiting for a second administrator.
  app.post(paths.admin.approveGrant.pattern, manage, async (request, reply) => {
    const { grantId } = idOf(grantParams, request, 'role grant');
    const result = await services.accounts.approveGrant(actorOf(request), grantId);
    if (result.outcome === 'not_found') throw new HttpError(404, 'There is no role grant waiting with that id');
    if (result.outcome === 'refused') {
      tellNextPage(request, result.reason);
      return reply.redirect(paths.admin.users(), 303);
    }
    const account = 'account' in result ? result.account : undefined;
    return answer(request, reply, account!.userId, result, `${account!.username} is now ${roleName(account!.role)}`);
  });
  app.post(paths.admin.cancelGrant.pattern, manage, async (request, reply) => {
    const { grantId } = idOf(grantParams, request, 'role grant');
    const result = await services.accounts.cancelGrant(actorOf(request), grantId);
    if (result.outcome === 'not_found') throw new HttpError(404, 'There is no role grant waiting with that id');
    const account = 'account' in result ? result.account : undefined;
    return answer(request, reply, account!.userId, result, `The new role for ${account!.username} is cancelled: it stays ${roleName(account!.role)}`);
  });
}
