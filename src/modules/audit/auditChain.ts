/**
 * @module The audit trail's hash chain, rebuilt in TypeScript (ADR 0041): the canonical text of an event exactly as
 * the database's `audit_event_canonical` writes it, its SHA-256, and the walk that finds the first broken link.
 */
import { createHash } from 'node:crypto';
import type { AuditEvent } from './auditEvent.js';

/** The previous hash of the first event in the chain. */
export const genesisHash = '0'.repeat(64);

/** One event as the chain sees it; `occurredAt` is UTC with microseconds, e.g. 2026-12-02T16:52:32.883000Z. */
export type ChainedEvent = Omit<AuditEvent, 'occurredAt' | 'details'> & {
  chainPosition: number;
  occurredAt: string;
  previousHash: string;
  hash: string;
};

/**
 * A JSON value as PostgreSQL writes `jsonb::text`: keys shortest first then bytewise, ", " and ": " between items.
 * @example jsonbText({ b: 1, aa: [1, 'x'] }) // '{"b": 1, "aa": [1, "x"]}'
 */
export function jsonbText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => {
      const left = Buffer.from(a);
      const right = Buffer.from(b);
      return left.length - right.length || Buffer.compare(left, right);
    });
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}: ${jsonbText(item)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

const text = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));

/**
 * The text an event's hash is taken over; `detailsText` is its details as `jsonb::text` (or `jsonbText(details)`).
 * @example canonicalText(event, '{}') // '[1, 7, "2026-12-02T16:52:32.883000Z", null, "system:cli", …]'
 */
export function canonicalText(event: Omit<ChainedEvent, 'hash'>, detailsText: string): string {
  return `[${[
    String(event.chainPosition), String(event.eventId), text(event.occurredAt), text(event.userId), text(event.actor),
    text(event.action), text(event.childId), text(event.subject), text(event.reason), detailsText, text(event.previousHash),
  ].join(', ')}]`;
}

/** @example eventHash(event, '{}') // 'ab12…' (64 hex digits) */
export function eventHash(event: Omit<ChainedEvent, 'hash'>, detailsText: string): string {
  return createHash('sha256').update(canonicalText(event, detailsText), 'utf8').digest('hex');
}

/** Whether the chain holds, and if not, the first event that breaks it and why. */
export type ChainVerdict =
  | { intact: true; events: number }
  | { intact: false; events: number; eventId: number | null; problem: string };

/** Where the walk has got to: the events checked so far and the last one's place and hash. */
export interface ChainWalk {
  checked: number;
  position: number;
  hash: string;
  lastEventId: number | null;
}

export const startOfChain: ChainWalk = { checked: 0, position: 0, hash: genesisHash, lastEventId: null };

/**
 * Check the next event against the walk so far: the broken link's verdict, or the walk one event on.
 * @example const next = checkLink(startOfChain, event, '{}')
 */
export function checkLink(walk: ChainWalk, event: ChainedEvent, detailsText: string): ChainWalk | ChainVerdict {
  const broken = (problem: string): ChainVerdict => ({ intact: false, events: walk.checked, eventId: event.eventId, problem });
  const expected = walk.position + 1;
  if (event.chainPosition > expected) {
    const missing = event.chainPosition - 1 === expected ? `position ${expected} is` : `positions ${expected} to ${event.chainPosition - 1} are`;
    return broken(`the event${expected === event.chainPosition - 1 ? '' : 's'} before it at ${missing} missing (deleted)`);
  }
  if (event.chainPosition < expected) return broken(`it repeats position ${event.chainPosition} of the chain (added outside the chain)`);
  if (event.previousHash !== walk.hash) {
    return broken(walk.lastEventId === null
      ? 'it should be first in the chain but names a previous hash'
      : `its previous hash is not the hash of event ${walk.lastEventId} before it (that event was changed or replaced)`);
  }
  if (eventHash(event, detailsText) !== event.hash) return broken('its content does not match its hash (changed after it was written)');
  return { checked: walk.checked + 1, position: event.chainPosition, hash: event.hash, lastEventId: event.eventId };
}

/**
 * The verdict once every event is checked: the chain's head must name the last event, or events were cut off the end.
 * @example endOfChain(walk, { chainPosition: 3, hash: 'ab…' })
 */
export function endOfChain(walk: ChainWalk, head: { chainPosition: number; hash: string } | null): ChainVerdict {
  if (!head) return { intact: false, events: walk.checked, eventId: null, problem: 'the chain has no head (audit_chain_head is empty)' };
  if (head.chainPosition !== walk.position || head.hash !== walk.hash) {
    return {
      intact: false, events: walk.checked, eventId: walk.lastEventId,
      problem: head.chainPosition > walk.position
        ? `the chain's head records ${head.chainPosition} events but it ends at position ${walk.position} (events after it deleted)`
        : "the chain's head does not match its last event (the head or the last event was changed)",
    };
  }
  return { intact: true, events: walk.checked };
}
