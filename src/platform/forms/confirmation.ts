/**
 * @module Asking before removing, withdrawing or cancelling anything. A remove button posts its form as usual; the
 * route asks `confirmed(body)` and, until the person has said yes, answers with `askToConfirm` — a page that says what
 * will happen and posts the same fields back with `confirmed=yes`. No JavaScript is needed, and nothing is removed by
 * one stray click.
 */
import type { FastifyReply } from 'fastify';
import { isFormToken } from './submissions/submissionToken.js';

/** What the confirmation page says and where its buttons go. */
export interface Confirmation {
  /** The page's heading, a question: "Remove this danger statement?" */
  question: string;
  /** What is being removed, in the person's words, shown under the heading (one paragraph each). */
  details?: string[];
  /** What happens afterwards: "It stays in the map's history." */
  consequence?: string;
  /** The path the form posts back to (normally the remove route itself). */
  action: string;
  /** The button's words: "Yes, remove it". */
  confirmText: string;
  /** Where "No, go back" goes. */
  backHref: string;
  /** The fields posted with the first request, posted again (never `_csrf` or `_submission`, which the page adds itself). */
  fields?: Record<string, string>;
}

/** True when the person has said yes on the confirmation page. */
export function confirmed(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as Record<string, unknown>).confirmed === 'yes';
}

/** The fields of a posted form worth posting again: strings only, without `_csrf`, `_submission` and `confirmed`. */
export function fieldsToRepost(body: unknown): Record<string, string> {
  if (typeof body !== 'object' || body === null) return {};
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (isFormToken(name) || name === 'confirmed' || typeof value !== 'string') continue;
    fields[name] = value;
  }
  return fields;
}

/**
 * Answer with the confirmation page.
 * @example if (!confirmed(request.body)) return askToConfirm(reply, { question: 'Remove this question?', action: request.url, confirmText: 'Yes, remove it', backHref, fields: fieldsToRepost(request.body) })
 */
export function askToConfirm(reply: FastifyReply, confirmation: Confirmation): FastifyReply {
  const fields = Object.entries(confirmation.fields ?? {}).map(([name, value]) => ({ name, value }));
  return reply.view('pages/confirm.njk', { title: confirmation.question, confirmation: { ...confirmation, fields } });
}
