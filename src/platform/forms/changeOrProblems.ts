/**
 * @module What the care, protection and order services share around a change: run it in one transaction, and when
 * the work answers with problems for the form, roll the transaction back and hand the problems on.
 */
import type { Database, Queryable } from '../../db/database.js';
import type { FieldErrors } from './fieldErrors.js';

class Refused extends Error {
  constructor(readonly problems: FieldErrors) {
    super('refused');
  }
}

/**
 * Run `work` in one transaction; an answer of `problems` rolls it back (nothing written, nothing audited).
 * @example return changeOrProblems(db, async (tx) => (bad ? { outcome: 'problems', problems } : { outcome: 'done' }))
 */
export async function changeOrProblems<R extends { outcome: string; problems?: FieldErrors }>(db: Database, work: (tx: Queryable) => Promise<R>): Promise<R | { outcome: 'problems'; problems: FieldErrors }> {
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      if (result.outcome === 'problems') throw new Refused(result.problems ?? {});
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return { outcome: 'problems', problems: error.problems };
    throw error;
  }
}
