/** @module Keeps what a person typed when their session ended, and gives it back to the form after they sign in. */
import type { Database } from '../../../db/database.js';
import { draftFields, type DraftFields } from './draft.js';
import type { DraftRepository } from './draftRepository.js';

/**
 * Drafts over one database.
 * @example const drafts = draftService(db, draftRepository()); await drafts.takeFor(userId, '/admin/users/new')
 */
export function draftService(db: Database, repository: DraftRepository) {
  return {
    /** @example await drafts.keep(userId, '/admin/users/new', request.body) */
    async keep(userId: string, formPath: string, body: Record<string, unknown>): Promise<void> {
      const fields = draftFields(body);
      if (Object.keys(fields).length === 0) return;
      await repository.save(db, userId, formPath, fields);
    },

    /** The draft for this form, removed as it is given back, so it is restored once. */
    /** Whether anything is waiting to be given back to this person. */
    async hasAny(userId: string): Promise<boolean> {
      return repository.hasAny(db, userId);
    },

    /** The forms waiting to be finished: open one and what was typed comes back. @example await drafts.waiting(userId) */
    async waiting(userId: string): Promise<{ formPath: string; savedAt: Date }[]> {
      return repository.waiting(db, userId);
    },

    async takeFor(userId: string, formPath: string): Promise<DraftFields | undefined> {
      return repository.take(db, userId, formPath);
    },
  };
}
export type DraftService = ReturnType<typeof draftService>;
