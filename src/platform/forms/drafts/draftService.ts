/** @module Keeps what a person typed when their session ended, and gives it back to the form after they sign in. */
import type { Database } from '../../../db/database.js';
import { draftFields, type DraftFields } from './draft.js';
import type { DraftRepository } from './draftRepository.js';

/**
 * Drafts over one database, kept for `keepDays` (config `CAIRN_DRAFT_KEEP_DAYS`, 30 by default).
 * A draft is given back on every visit to its form until the form is saved or the draft discarded.
 * @example const drafts = draftService(db, draftRepository(), 30); await drafts.findFor(userId, '/admin/users/new')
 */
export function draftService(db: Database, repository: DraftRepository, keepDays: number) {
  return {
    /** @example await drafts.keep(userId, '/admin/users/new', request.body) */
    async keep(userId: string, formPath: string, body: Record<string, unknown>): Promise<void> {
      const fields = draftFields(body);
      if (Object.keys(fields).length === 0) return;
      await repository.removeExpired(db, keepDays);
      await repository.save(db, userId, formPath, fields);
    },

    /** Whether anything is waiting to be given back to this person. */
    async hasAny(userId: string): Promise<boolean> {
      return repository.hasAny(db, userId, keepDays);
    },

    /** The forms waiting to be finished: open one and what was typed comes back. @example await drafts.waiting(userId) */
    async waiting(userId: string): Promise<{ formPath: string; savedAt: Date }[]> {
      return repository.waiting(db, userId, keepDays);
    },

    /** The draft for this form, if one is kept and not yet expired. */
    async findFor(userId: string, formPath: string): Promise<DraftFields | undefined> {
      return repository.find(db, userId, formPath, keepDays);
    },

    /** The form was saved, or the person chose to discard what was kept: the draft is used up. */
    async useUp(userId: string, formPath: string): Promise<boolean> {
      return repository.remove(db, userId, formPath);
    },
  };
}
export type DraftService = ReturnType<typeof draftService>;
