/** @module The Family First history a step up carries to the statutory team: dates, sessions, the plan and why. */
import { longDateOf } from '../../platform/dates/formats.js';
import type { FamilySession, Involvement } from './familyFirst.js';

/** How many sessions the summary lists one by one (the rest are counted). */
const sessionsListed = 10;

/**
 * The referral's reason: the reason for the step up first, then the involvement in brief, newest session first.
 * @example stepUpSummary(involvement, sessions, 'Neglect concerns growing') // 'Stepped up from Family First: Neglect concerns growing\n…'
 */
export function stepUpSummary(involvement: Pick<Involvement, 'startedDate' | 'endedDate' | 'workerId' | 'plan'>, sessions: readonly FamilySession[], reason: string): string {
  const lines = [
    `Stepped up from Family First: ${reason}`,
    `Family First involvement from ${longDateOf(involvement.startedDate)} to ${longDateOf(involvement.endedDate)}, worker ${involvement.workerId ?? 'not allocated'}.`,
    `The family's plan: ${involvement.plan?.trim() || 'none recorded'}.`,
    sessions.length === 0 ? 'No sessions recorded.' : `${sessions.length} ${sessions.length === 1 ? 'session' : 'sessions'}:`,
    ...sessions.slice(0, sessionsListed).map((s) => `- ${longDateOf(s.sessionDate)}, with ${s.who}: ${s.whatWasDone}`),
  ];
  if (sessions.length > sessionsListed) lines.push(`- and ${sessions.length - sessionsListed} earlier (see the Family First involvement)`);
  return lines.join('\n');
}
