/** @module Audit events: the actions Cairn records and the shape of one event. */

export const auditActions = [
  'child.viewed',
  'child.searched',
  'child.changed',
  'import.completed',
  'import.refused',
  'export.completed',
  'user.signed_in',
  'user.sign_in_failed',
  'user.signed_out',
  'user.created',
  'audit.searched',
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
