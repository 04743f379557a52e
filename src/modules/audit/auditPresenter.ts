/** @module View model for the audit trail page. */
import type { AuditEvent } from './auditEvent.js';
import { paths } from '../../platform/http/paths.js';
import { dateTimeOf } from '../../platform/dates/formats.js';
import { redactFor, redacted } from './auditRedaction.js';

const actionLabels: Record<string, string> = {
  'child.viewed': "Viewed a child's record",
  'reference.added': 'Added an entry to a reference list',
  'reference.changed': 'Renamed an entry of a reference list',
  'reference.retired': 'Retired an entry of a reference list',
  'reference.restored': 'Restored a retired entry of a reference list',
  'reference.merged': 'Merged two entries of a reference list',
  'child.access_refused': "Refused a child's record (not theirs, or no such record)",
  'user.sessions_ended': 'Ended every session of an account',
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
  'audit.exported': 'Exported the audit trail with its hashes',
  'safety.viewed': 'Viewed a safety map, plan or the child’s voice',
  'safety.changed': 'Changed a safety map, plan or the child’s voice',
  'safety.exported': 'Printed a family copy of a safety map and plan',
  'child.created': "Recorded a new child",
  'referral.recorded': 'Recorded a referral',
  'referral.viewed': 'Viewed a referral',
  'referral.tray_viewed': 'Viewed the referral tray',
  'referral.screened': 'Screened a referral',
  'referral.decided': "Decided a referral's pathway",
  'referral.allocated': 'Allocated a referral',
  'referral.changed': "Changed a referral's details",
  'referral.amended': 'Corrected a referral’s decision or allocation',
  'referral.withdrawn': 'Withdrew a referral recorded in error',
  'case.closed': 'Closed a case',
  'case.task_changed': 'Added or completed a visit or task',
  'caseload.viewed': 'Viewed their caseload',
  'child.merged': 'Merged two records of one child',
  'family_first.viewed': 'Viewed a Family First involvement',
  'family_first.changed': 'Changed a Family First involvement',
  'family_first.session_amended': 'Corrected a Family First session',
  'family_first.session_withdrawn': 'Withdrew a Family First session',
  'cluster.children_viewed': 'Viewed the children behind a cluster figure',
  'care.episode_started': 'Started a looked after episode',
  'care.episode_changed': 'Changed the legal reason of a looked after episode',
  'care.episode_ended': 'Ended a looked after episode',
  'care.placed': 'Placed a child',
  'care.moved': 'Moved a child to a new placement',
  'care.placement_ended': 'Ended a placement',
  'care.placement_amended': 'Corrected a placement',
  'care.episode_amended': 'Corrected a looked after episode',
  'care.episode_withdrawn': 'Withdrew a looked after episode recorded in error',
  'protection.registered': 'Put a child on the child protection register',
  'protection.deregistered': 'Took a child off the child protection register',
  'protection.register_viewed': 'Viewed the child protection register',
  'protection.ird_recorded': 'Recorded an inter-agency referral discussion',
  'protection.meeting_recorded': 'Recorded a child protection planning meeting',
  'protection.registration_amended': 'Corrected a child protection registration',
  'protection.registration_withdrawn': 'Withdrew a child protection registration recorded in error',
  'protection.deregistration_withdrawn': 'Withdrew a de-registration recorded in error',
  'protection.meeting_amended': 'Corrected a child protection planning meeting',
  'protection.meeting_withdrawn': 'Withdrew a child protection planning meeting recorded in error',
  'resources.booked': 'Booked a place for a child',
  'resources.booking_changed': 'Changed the dates of a booking',
  'resources.booking_cancelled': 'Cancelled a booking',
  'resources.added': 'Added a children’s house or short-break flat',
  'resources.viewed': 'Viewed the stays at a children’s house or short-break flat',
  'commissioning.viewed': 'Viewed placement costs',
  'commissioning.changed': 'Added a provider or one of its homes',
  'scra.referred': 'Recorded a referral to the Children’s Reporter',
  'scra.decided': 'Recorded the Reporter’s decision',
  'scra.hearing_recorded': 'Recorded a hearing outcome',
  'scra.amended': 'Corrected a Reporter referral, decision, hearing or order',
  'scra.withdrawn': 'Withdrew a Reporter referral, decision, hearing or order',
};


function describeDetails(event: AuditEvent): string {
  const details = event.details ?? {};
  if (details.refused) return 'Refused: not in their scope';
  if (typeof details.text === 'string' && details.text) return details.text === redacted ? `Searched for ${redacted}` : `Searched for "${details.text}"`;
  if (typeof details.rows === 'number') return `${details.rows} rows`;
  if (typeof details.problems === 'number') return `${details.problems} problems`;
  if (typeof details.method === 'string') return `By ${details.method}`;
  return '';
}

/**
 * The events as rows of the trail's table; free text reads "[redacted]" unless the reader may read it (auditRedaction.ts).
 * @example presentAuditEvents(events, { readsFreeText: may(user, 'audit:readFreeText') })
 */
export function presentAuditEvents(events: AuditEvent[], reader: { readsFreeText: boolean } = { readsFreeText: false }) {
  return events.map((shown) => redactFor(reader.readsFreeText, shown)).map((event) => ({
    when: dateTimeOf(event.occurredAt, true),
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
