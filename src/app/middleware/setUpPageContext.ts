/** @module What every page's layout needs: the signed-in user, CSP nonce, CSRF token, each form's submission token, navigation and session timing. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';
import { may } from '../../platform/access/access.js';
import { paths } from '../../platform/http/paths.js';
import { takeNotice } from '../../platform/http/flash.js';
import { childRecordNavigation } from '../navigation/childRecordNavigation.js';
import { newSubmissionToken } from '../../platform/forms/submissions/submissionToken.js';

export async function setUpPageContext(app: FastifyInstance, services: Services): Promise<void> {
  const { config } = services;
  let authorityName: string | undefined;
  app.addHook('preHandler', async (request, reply) => {
    authorityName ??= (await services.authority.current())?.name;
    const user = request.user;
    const navigation = [
      { text: 'Find a child', href: paths.children.search(), allowed: may(user, 'child:search') },
      { text: 'My work', href: paths.caseloads.mine(), allowed: may(user, 'caseload:own') },
      { text: 'Referrals', href: paths.referrals.tray(), allowed: may(user, 'referral:manage') },
      // Managers record referrals from their tray; practitioners have no tray, so the form is in their navigation.
      { text: 'Record a referral', href: paths.referrals.new(), allowed: may(user, 'referral:record') && !may(user, 'referral:manage') },
      { text: 'Caseloads', href: paths.caseloads.team(), allowed: may(user, 'caseload:team') },
      { text: 'Protection and care', href: paths.care.hub(), allowed: may(user, 'resources:view') },
      { text: 'Cluster outcomes', href: paths.clusters.outcomes(), allowed: may(user, 'clusters:view') },
      { text: 'Dashboards', href: paths.dashboards.show(), allowed: may(user, 'figures:view') },
      { text: 'Board papers', href: paths.boardPapers.list(), allowed: may(user, 'report:build') },
      { text: 'Case file audits', href: paths.caseFileAudits.home(), allowed: may(user, 'quality:audit') },
      { text: 'Surveys', href: paths.surveys.list(), allowed: may(user, 'quality:view') },
      { text: 'Training', href: paths.training.coverage(), allowed: may(user, 'training:view') },
      { text: 'Quality report', href: paths.quality.report(), allowed: may(user, 'quality:view') },
      { text: 'Break-glass openings', href: paths.restrictedRecords.breakGlassUses(), allowed: may(user, 'child:restrict') },
      { text: 'Data quality', href: paths.dataQuality.issues(), allowed: may(user, 'dataQuality:view') },
      { text: 'Returns', href: paths.dataQuality.returns(), allowed: may(user, 'returns:build') },
      { text: 'Audit trail', href: paths.admin.audit(), allowed: may(user, 'audit:search') },
      { text: 'Users', href: paths.admin.users(), allowed: may(user, 'user:manage') },
      { text: 'Reference lists', href: paths.admin.lists(), allowed: may(user, 'lists:manage') },
    ].filter((item) => item.allowed);
    reply.locals = {
      ...reply.locals,
      user,
      authorityName: authorityName ?? 'Demo authority',
      cspNonce: (reply.cspNonce as { script: string } | undefined)?.script,
      csrfToken: () => reply.generateCsrf(),
      // Each form drawn gets a token of its own: the same form sent twice is saved once (ADR 0085).
      submissionToken: newSubmissionToken,
      currentPath: request.url.split('?')[0],
      pageUrl: request.url,
      navigation: navigation.map((item) => ({ ...item, active: request.url.startsWith(item.href) })),
      childRecordNavigation: childRecordNavigation(request.routeOptions.url, (request.params as { childId?: unknown } | undefined)?.childId, user),
      idleTimeoutSeconds: config.idleTimeoutMinutes * 60,
      idleWarningSeconds: config.idleWarningMinutes * 60,
      draft: request.draft,
      // Called by the layout as it renders, so only a page that is shown uses up the message.
      takeNotice: () => takeNotice(request),
    };
  });
}
