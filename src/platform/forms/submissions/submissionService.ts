/**
 * @module A form sent twice is saved once (ADR 0085). The first request with a form's token claims it; one that comes
 * with the same fields while the first is still being saved waits for it, then is sent on to where the first was; one
 * that comes after is sent there at once. A form shown again with problems, or one that failed, gives its claim up;
 * the same form sent with other fields is saved as sent. A claim whose request never answered (its process stopped)
 * is taken over by the same sending once it is ten minutes old.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../../db/database.js';
import type { SubmissionRepository } from './submissionRepository.js';

/** What to do with a request that sends a form's token. */
export type SubmissionTurn =
  /** Save it: this request is the form's first (or its token is not this person's to repeat, or it says otherwise). */
  | { kind: 'first'; claimed: boolean }
  /** Saved already: send the person on to where the first request did, with its message. */
  | { kind: 'repeat'; sentTo: string; notice: string | null }
  /** The first request is still being saved after the wait: say so rather than save it twice. */
  | { kind: 'still saving' };

export interface SubmissionTimings {
  /** How long a repeat waits for the first request to be saved. */
  waitMs: number;
  /** How often it looks. */
  pollMs: number;
  /** How long a claim is kept (a repeat after this is saved again). */
  keepHours: number;
  /**
   * How old a claim still not settled must be to be taken as abandoned: the process saving it stopped (a crash, a
   * restart) before it answered. The same person's same sending then claims it afresh rather than being told for a
   * day that it is still being saved. Far longer than any request a person waits for.
   */
  abandonedAfterSeconds: number;
}

export const defaultSubmissionTimings: SubmissionTimings = { waitMs: 20_000, pollMs: 50, keepHours: 24, abandonedAfterSeconds: 600 };

/** @example const turn = await submissions.claim(token, user.userId, request.url, sentFields(request.body)) */
export function submissionService(db: Database, repository: SubmissionRepository, timings: SubmissionTimings = defaultSubmissionTimings) {
  return {
    async claim(token: string, userId: string, formPath: string, sentFields: string): Promise<SubmissionTurn> {
      const giveUpAt = Date.now() + timings.waitMs;
      // Once a claim, not once a look while a repeat waits.
      await repository.forgetOld(db, timings.keepHours);
      for (;;) {
        if (await repository.claim(db, token, userId, formPath, sentFields, timings.abandonedAfterSeconds)) return { kind: 'first', claimed: true };
        const claim = await repository.find(db, token);
        // Given up between the two statements (the first was shown again with problems): claim it afresh.
        if (!claim) {
          if (Date.now() >= giveUpAt) return { kind: 'still saving' };
          continue;
        }
        // Another person's token is never theirs to repeat: saved as sent, unclaimed.
        if (claim.userId !== userId) return { kind: 'first', claimed: false };
        // The same form sent with other words (back to it, a word changed, sent again) is a sending of its own.
        if (claim.sentFields !== sentFields) return { kind: 'first', claimed: false };
        if (claim.sentTo) return { kind: 'repeat', sentTo: claim.sentTo, notice: claim.notice };
        if (Date.now() >= giveUpAt) return { kind: 'still saving' };
        await sleep(timings.pollMs);
      }
    },

    /** The first request was answered with a redirect: saved, the person sent on to `sentTo` with `notice`. */
    async saved(token: string, sentTo: string, notice: string | undefined): Promise<void> {
      await repository.noteSentTo(db, token, sentTo, notice ?? null);
    },

    /** The first request was answered otherwise (shown again with problems, or failed): the token may be sent again. */
    async notSaved(token: string): Promise<void> {
      await repository.release(db, token);
    },
  };
}
export type SubmissionService = ReturnType<typeof submissionService>;
