/** @module Audit events: the actions Cairn records and the shape of one event. */

export const auditActions = [
  'child.viewed',
  // Issue 16: a request naming a child the person may not open (or no such child), refused before it is answered.
  'child.access_refused',
  // Issue 16: a record restricted to named people, the restriction removed, opened by break-glass, an opening reviewed.
  'child.restricted',
  'child.restriction_removed',
  'child.break_glass',
  'child.break_glass_reviewed',
  'child.searched',
  'child.changed',
  'import.completed',
  'import.refused',
  'export.completed',
  'user.signed_in',
  'user.sign_in_failed',
  'user.signed_out',
  'user.created',
  // Issue 16: every session of an account ended at once (sign out everywhere, by an administrator, account disabled).
  'user.sessions_ended',
  // Issue 16 item 4: the account lifecycle. Granting a role that reaches every child or manages accounts waits for a
  // second administrator (requested, then approved or cancelled).
  'user.disabled',
  'user.enabled',
  'user.updated',
  'user.role_changed',
  'user.team_changed',
  'user.role_grant_requested',
  'user.role_grant_approved',
  'user.role_grant_cancelled',
  'audit.searched',
  // Issue 16 item 3: the trail written out with its hashes for a SIEM (`cairn audit export`).
  'audit.exported',
  'safety.viewed',
  'safety.changed',
  'safety.exported',
  // Issue 3: referrals, Family First, cases and the cluster page's lists of children.
  'child.created',
  'referral.recorded',
  'referral.viewed',
  // Issue 16 item 5: the referral tray, which names the children waiting, opened (one event naming them all).
  'referral.tray_viewed',
  'referral.screened',
  'referral.decided',
  'referral.allocated',
  'referral.changed',
  'referral.amended',
  'referral.withdrawn',
  'case.closed',
  'case.task_changed',
  // Issue 16 item 5: a worker's own caseload, which names the children on it, opened (one event naming them all).
  'caseload.viewed',
  'child.merged',
  'family_first.viewed',
  'family_first.changed',
  'family_first.session_amended',
  'family_first.session_withdrawn',
  'cluster.children_viewed',
  'care.episode_started',
  'care.episode_ended',
  'care.episode_changed',
  'care.placed',
  'care.moved',
  'care.placement_ended',
  'care.placement_amended',
  'care.episode_amended',
  'care.episode_withdrawn',
  'protection.registered',
  'protection.deregistered',
  'protection.register_viewed',
  'protection.ird_recorded',
  'protection.meeting_recorded',
  'protection.registration_amended',
  'protection.registration_withdrawn',
  'protection.deregistration_withdrawn',
  'protection.meeting_amended',
  'protection.meeting_withdrawn',
  'resources.booked',
  'resources.booking_changed',
  'resources.booking_cancelled',
  'resources.added',
  'resources.viewed',
  'commissioning.viewed',
  'commissioning.changed',
  'scra.referred',
  'scra.decided',
  'scra.hearing_recorded',
  'scra.amended',
  'scra.withdrawn',
  // Issue 7: surveys of families and staff (a response is recorded without anything about who sent it).
  'survey.created',
  'survey.changed',
  'survey.wave_opened',
  'survey.links_issued',
  'survey.wave_closed',
  'survey.responded',
  'survey.results_viewed',
  'survey.details_changed',
  'survey.question_changed',
  // Issue 12: a wave's dates corrected, kept as an amendment.
  'survey.wave_dates_amended',
  // Issue 5: Compulsory Supervision Orders and their reviews.
  'supervision_order.recorded',
  'supervision_order.reviewed',
  'supervision_order.ended',
  'supervision_order.amended',
  'supervision_order.withdrawn',
  'supervision_order.reviews_due_viewed',
  // Issue 7: training records and the quality report.
  'training.staff_added',
  'training.staff_changed',
  'training.course_added',
  'training.session_added',
  'training.attendance_recorded',
  // Issue 12: corrections to a training session (details, register) and its withdrawal, kept as amendments.
  'training.session_amended',
  'training.attendance_amended',
  'training.session_withdrawn',
  'quality.report_exported',
  // Issue 7: case file audits (rubrics, rounds, allocation, grading, moderation).
  'case_file_audit.rubric_saved',
  'case_file_audit.round_created',
  'case_file_audit.round_viewed',
  'case_file_audit.allocated',
  'case_file_audit.moderation_set',
  'case_file_audit.graded',
  // Issue 14: board paper editions.
  'board_paper.started',
  'board_paper.changed',
  'board_paper.published',
  // Issue 13 item 6: reference lists kept by administrators.
  'reference.added',
  'reference.changed',
  'reference.retired',
  'reference.restored',
  'reference.merged',
  // Issue 17: the data quality page's rows naming children, a query marked "checked, correct" and a mark withdrawn.
  'data_quality.viewed',
  'data_quality.marked_correct',
  'data_quality.mark_withdrawn',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface NewAuditEvent {
  action: AuditAction;
  childId?: string | null;
  subject?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEvent {
  eventId: number;
  occurredAt: Date;
  userId: string | null;
  actor: string;
  action: string;
  childId: string | null;
  subject: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

export interface AuditSearch {
  childId?: string;
  actor?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}
