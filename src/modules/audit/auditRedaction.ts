/**
 * @module What of an audit event a person may read (issue 16 item 6): search words and free text may name a child, so
 * without `audit:readFreeText` (administrators) they read "[redacted]"; a service manager investigating a child sees them.
 */
import type { AuditEvent } from './auditEvent.js';

export const redacted = '[redacted]';

/** Actions whose subject names an account, a file or a reference list entry, never a child: shown to everyone. */
const subjectsWithoutChildren = new Set(['user', 'reference', 'import', 'export', 'audit', 'training', 'board_paper', 'quality']);

/**
 * The event as this reader may see it: the same event when they may read free text, else with its reason, any
 * subject that may name a child and every word typed into its details replaced by "[redacted]".
 * @example redactFor(false, event).reason // '[redacted]'
 */
export function redactFor(readsFreeText: boolean, event: AuditEvent): AuditEvent {
  if (readsFreeText) return event;
  const area = event.action.split('.')[0] ?? '';
  return {
    ...event,
    subject: event.subject && !subjectsWithoutChildren.has(area) ? redacted : event.subject,
    reason: event.reason ? redacted : event.reason,
    details: redactWords(event.details) as Record<string, unknown>,
  };
}

/** Details whose words are Cairn's own codes (how someone signed in, which list, which format), never typed by a person. */
const codeKeys = new Set(['method', 'list', 'format', 'report', 'return', 'status']);

/** Every string in a JSON value replaced, keeping numbers, flags, codes and the shape (so "12 rows" still reads). */
function redactWords(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return value && !codeKeys.has(key) ? redacted : value;
  if (Array.isArray(value)) return value.map((item) => redactWords(item));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, redactWords(item, name)]));
  return value;
}
