/** @module View model for the audit trail page. */
import type { AuditAction, AuditEvent } from './auditEvent.js';
import { paths } from '../../platform/http/paths.js';
import { dateTimeOf } from '../../platform/dates/formats.js';
import { redactFor, redacted } from './auditRedaction.js';
import { pagination, type Pagination } from '../../platform/http/pagination.js';

/** Every action in words: typed over all actions, so a new action without its words does not compile. */
const actionLabels: Record<AuditAction, string> = {
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
  'child.restricted': 'Restricted a child’s record to named people, or changed who is named',
  'child.restriction_removed': 'Removed the restriction on a child’s record',
  'child.break_glass': 'Opened a restricted record by break-glass, giving a reason',
  'child.break_glass_reviewed': 'Reviewed a break-glass opening',
  'user.disabled': 'Disabled an account',
  'user.enabled': 'Enabled an account again',
  'user.updated': 'Updated an existing account from the command line',
  'user.role_changed': 'Changed an account’s role',
  'user.team_changed': 'Changed an account’s team',
  'user.role_grant_requested': 'Asked for a role that needs a second administrator',
  'user.role_grant_approved': 'Approved a role as the second administrator',
  'user.role_grant_cancelled': 'Cancelled a role waiting for approval',
  'survey.created': 'Created a survey',
  'survey.changed': 'Changed a survey',
  'survey.wave_opened': 'Opened a survey wave',
  'survey.links_issued': 'Issued survey links',
  'survey.wave_closed': 'Closed a survey wave',
  'survey.responded': 'A survey response arrived',
  'survey.results_viewed': 'Viewed survey results',
  'survey.details_changed': 'Changed a survey’s details',
  'survey.question_changed': 'Changed a survey question',
  'survey.wave_dates_amended': 'Corrected a survey wave’s dates',
  'supervision_order.recorded': 'Recorded a Compulsory Supervision Order',
  'supervision_order.reviewed': 'Recorded a review of a Compulsory Supervision Order',
  'supervision_order.ended': 'Ended a Compulsory Supervision Order',
  'supervision_order.amended': 'Corrected a Compulsory Supervision Order',
  'supervision_order.withdrawn': 'Withdrew a Compulsory Supervision Order recorded in error',
  'supervision_order.reviews_due_viewed': 'Viewed the orders due for review',
  'training.staff_added': 'Added a person to the staff register',
  'training.staff_changed': 'Changed a person on the staff register',
  'training.course_added': 'Added a training course',
  'training.session_added': 'Added a training session',
  'training.attendance_recorded': 'Recorded who attended a training session',
  'training.session_amended': 'Corrected a training session',
  'training.attendance_amended': 'Corrected a training session’s register',
  'training.session_withdrawn': 'Withdrew a training session recorded in error',
  'quality.report_exported': 'Exported the quality report',
  'case_file_audit.rubric_saved': 'Saved a case file audit rubric',
  'case_file_audit.round_created': 'Started a case file audit round',
  'case_file_audit.round_viewed': 'Viewed a case file audit round',
  'case_file_audit.allocated': 'Allocated case files to auditors',
  'case_file_audit.moderation_set': 'Set a case file audit’s moderation',
  'case_file_audit.graded': 'Graded a case file',
  'board_paper.started': 'Started a board paper edition',
  'board_paper.changed': 'Changed a board paper edition',
  'board_paper.published': 'Published a board paper edition',
  'data_quality.viewed': 'Viewed data quality issues naming children',
  'data_quality.marked_correct': 'Marked a data quality query checked, correct',
  'data_quality.mark_withdrawn': 'Withdrew a checked, correct mark',
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
    action: actionLabels[event.action as AuditAction] ?? event.action,
    childId: event.childId,
    subject: event.subject ?? '',
    reason: event.reason ?? '',
    details: describeDetails(event),
  }));
}

/** Links to the previous and next pages of results, keeping the search. */
export function auditPagination(query: Record<string, string>, page: number, pageSize: number, total: number): Pagination {
  return pagination(page, pageSize, total, (p) => `${paths.admin.audit()}?${new URLSearchParams({ ...query, page: String(p) }).toString()}`);
}
