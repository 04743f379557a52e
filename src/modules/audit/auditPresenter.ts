/** @module View model for the audit trail page. */
import type { AuditEvent } from './auditEvent.js';
import { paths } from '../../web/paths.js';

const actionLabels: Record<string, string> = {
  'child.viewed': "Viewed a child's record",
  'child.searched': 'Searched for children',
  'child.changed': "Changed a child's record",
  'import.completed': 'Imported an extract',
  'import.refused': 'Import refused',
  'export.completed': 'Exported data',
  'user.signed_in': 'Signed in',
  'user.sign_in_failed': 'Sign-in failed',
  'user.signed_out': 'Signed out',
  'user.created': 'Created or changed an account',
  'audit.searched': 'Searched the audit trail',
};

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/London' });

function describeDetails(event: AuditEvent): string {
  const details = event.details ?? {};
  if (details.refused) return 'Refused: not in their scope';
  if (typeof details.text === 'string' && details.text) return `Searched for "${details.text}"`;
  if (typeof details.rows === 'number') return `${details.rows} rows`;
  if (typeof details.problems === 'number') return `${details.problems} problems`;
  if (typeof details.method === 'string') return `By ${details.method}`;
  return '';
}

export function presentAuditEvents(events: AuditEvent[]) {
  return events.map((event) => ({
    when: when.format(new Date(event.occurredAt)),
    actor: event.actor,
    action: actionLabels[event.action] ?? event.action,
    childId: event.childId,
    subject: event.subject ?? '',
    reason: event.reason ?? '',
    details: describeDetails(event),
  }));
}

/** Links to the previous and next pages of results, keeping the search. */
export function auditPagination(query: Record<string, string>, page: number, pageSize: number, total: number) {
  const link = (p: number) => `${paths.admin.audit()}?${new URLSearchParams({ ...query, page: String(p) }).toString()}`;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return {
    page,
    pages,
    previous: page > 1 ? { href: link(page - 1) } : undefined,
    next: page < pages ? { href: link(page + 1) } : undefined,
  };
}
