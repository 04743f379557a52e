/** @module The audit trail page: administrators search who did what to which child's record, and when. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { readDateInput } from '../../platform/forms/dates.js';
import { may } from '../../platform/access/access.js';
import { auditPagination, presentAuditEvents } from './auditPresenter.js';
import type { AuditService } from './auditService.js';

/** What auditRoutes needs from the composition root. */
export interface AuditRoutesNeeds {
  audit: AuditService;
}

const pageSize = 50;
const field = z.string().trim().max(100).optional().default('');
const auditQuery = z.object({
  child: field, user: field,
  'from-day': field, 'from-month': field, 'from-year': field,
  'to-day': field, 'to-month': field, 'to-year': field,
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});

export async function auditRoutes(app: FastifyInstance, services: AuditRoutesNeeds): Promise<void> {
  app.get(paths.admin.audit.pattern, { config: { access: { permission: 'audit:search' } } }, async (request, reply) => {
    const parsed = auditQuery.safeParse(request.query);
    const query = parsed.success ? parsed.data : auditQuery.parse({});
    const errors: { href: string; text: string }[] = [];
    if (!parsed.success) errors.push({ href: '#child', text: 'Each search box takes up to 100 characters' });
    const from = readDateInput('From date', query['from-day'], query['from-month'], query['from-year']);
    const to = readDateInput('To date', query['to-day'], query['to-month'], query['to-year']);
    if (from.error) errors.push({ href: '#from-day', text: from.error });
    if (to.error) errors.push({ href: '#to-day', text: to.error });
    if (from.date && to.date && from.date > to.date) errors.push({ href: '#to-day', text: 'To date must be the same as or after the from date' });
    const result = errors.length
      ? { events: [], total: 0 }
      : await services.audit.search({ kind: 'user', user: request.user! }, {
          childId: query.child || undefined,
          actor: query.user ? query.user.toLowerCase() : undefined,
          from: from.date,
          to: to.date,
          limit: pageSize,
          offset: (query.page - 1) * pageSize,
        });
    const { page, ...searchTerms } = query;
    const readsFreeText = may(request.user, 'audit:readFreeText');
    return reply.view('audit/views/trail.njk', {
      title: 'Audit trail',
      values: query,
      errors,
      errorFor: Object.fromEntries(errors.map((e) => [e.href.slice(1), { text: e.text }])),
      readsFreeText,
      events: presentAuditEvents(result.events, { readsFreeText }),
      total: result.total,
      pagination: auditPagination(Object.fromEntries(Object.entries(searchTerms).filter(([, v]) => v)), page, pageSize, result.total),
    });
  });
}
