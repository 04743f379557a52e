/** @module SQL for Family First involvements, their sessions and the family's feedback. */
import type { Queryable } from '../../db/database.js';
import type { FamilyFeedback, FamilySession, Involvement, SessionDetails } from './familyFirst.js';
import { type InvolvementEnding } from '../../platform/codes/referralCodes.js';

interface InvolvementRow {
  involvement_id: string; case_id: string; child_id: string; forename: string | null; surname: string | null; referral_id: string | null;
  started_date: string; plan: string | null; ended_date: string | null; ending: InvolvementEnding | null; ending_notes: string | null;
  team: string | null; worker_id: string | null; version: number; stepped_up_referral_id: string | null;
}

interface SessionRow { session_id: string; session_date: string; who: string; what_was_done: string; version: number }
const toSession = (row: SessionRow): FamilySession => ({ sessionId: row.session_id, sessionDate: row.session_date, who: row.who, whatWasDone: row.what_was_done, version: row.version });

/** @example const involvements = familyFirstRepository(); await involvements.sessions(db, 'ffi-1') */
export function familyFirstRepository() {
  return {
    async start(db: Queryable, involvement: { involvementId: string; caseId: string; childId: string; referralId: string | null; startedDate: string }): Promise<void> {
      await db.query(
        `insert into family_first_involvements (involvement_id, case_id, child_id, referral_id, started_date) values ($1, $2, $3, $4, $5)`,
        [involvement.involvementId, involvement.caseId, involvement.childId, involvement.referralId, involvement.startedDate],
      );
    },

    async find(db: Queryable, involvementId: string, lock = false): Promise<Involvement | undefined> {
      const rows = await db.query<InvolvementRow>(
        `select v.involvement_id, v.case_id, v.child_id, c.forename, c.surname, v.referral_id, v.started_date, v.plan, v.ended_date,
                v.ending, v.ending_notes, k.team, k.worker_id, v.version, v.stepped_up_referral_id
           from family_first_involvements v
           join children c on c.child_id = v.child_id
           join cases k on k.case_id = v.case_id
          where v.involvement_id = $1${lock ? ' for update of v' : ''}`,
        [involvementId],
      );
      const row = rows[0];
      if (!row) return undefined;
      return {
        involvementId: row.involvement_id, caseId: row.case_id, childId: row.child_id,
        childName: [row.forename, row.surname].filter(Boolean).join(' ') || 'Name not recorded',
        referralId: row.referral_id, startedDate: row.started_date, plan: row.plan, endedDate: row.ended_date, ending: row.ending,
        endingNotes: row.ending_notes, team: row.team, workerId: row.worker_id, version: row.version, steppedUpReferralId: row.stepped_up_referral_id,
      };
    },

    async forCase(db: Queryable, caseId: string): Promise<string | undefined> {
      const rows = await db.query<{ involvement_id: string }>('select involvement_id from family_first_involvements where case_id = $1', [caseId]);
      return rows[0]?.involvement_id;
    },

    /** The involvement's sessions, newest first: those standing, or (`withdrawn`) those withdrawn. */
    async sessions(db: Queryable, involvementId: string, withdrawn = false): Promise<FamilySession[]> {
      const rows = await db.query<SessionRow>(
        `select session_id, session_date, who, what_was_done, version from family_first_sessions
          where involvement_id = $1 and withdrawn_at is ${withdrawn ? 'not ' : ''}null order by session_date desc, recorded_at desc`,
        [involvementId],
      );
      return rows.map(toSession);
    },

    /** One standing session of the involvement; `lock` holds it until the transaction ends. */
    async session(db: Queryable, involvementId: string, sessionId: string, lock = false): Promise<FamilySession | undefined> {
      const rows = await db.query<SessionRow>(
        `select session_id, session_date, who, what_was_done, version from family_first_sessions
          where involvement_id = $1 and session_id = $2 and withdrawn_at is null${lock ? ' for update' : ''}`,
        [involvementId, sessionId],
      );
      return rows[0] && toSession(rows[0]);
    },

    /** Correct a session if it is still at `version`; false when someone else changed it first. */
    async correctSession(db: Queryable, sessionId: string, corrected: SessionDetails, version: number): Promise<boolean> {
      const rows = await db.query<{ session_id: string }>(
        `update family_first_sessions set session_date = $2, who = $3, what_was_done = $4, version = version + 1
          where session_id = $1 and version = $5 and withdrawn_at is null returning session_id`,
        [sessionId, corrected.sessionDate, corrected.who, corrected.whatWasDone, version],
      );
      return rows.length === 1;
    },

    /** Withdraw a session if it is still at `version`: it stays, for its history, but nothing counts it. */
    async withdrawSession(db: Queryable, sessionId: string, version: number): Promise<boolean> {
      const rows = await db.query<{ session_id: string }>(
        `update family_first_sessions set withdrawn_at = now(), version = version + 1
          where session_id = $1 and version = $2 and withdrawn_at is null returning session_id`,
        [sessionId, version],
      );
      return rows.length === 1;
    },

    /** Teams a step up can refer to: every team someone active works in, but the involvement's own. */
    async otherTeams(db: Queryable, ownTeam: string | null): Promise<string[]> {
      const rows = await db.query<{ team: string }>(
        `select distinct team from users where team is not null and not disabled and team is distinct from $1 order by team`,
        [ownTeam],
      );
      return rows.map((row) => row.team);
    },

    async feedback(db: Queryable, involvementId: string): Promise<FamilyFeedback[]> {
      const rows = await db.query<{ feedback_id: string; given_date: string; words: string; consent_to_quote: boolean }>(
        `select feedback_id, given_date, words, consent_to_quote from family_first_feedback
          where involvement_id = $1 order by given_date desc, recorded_at desc`,
        [involvementId],
      );
      return rows.map((row) => ({ feedbackId: row.feedback_id, givenDate: row.given_date, words: row.words, consentToQuote: row.consent_to_quote }));
    },

    /** Save the plan if the involvement is still at `version`; false when someone else saved first. */
    async setPlan(db: Queryable, involvementId: string, plan: string, version: number): Promise<boolean> {
      const rows = await db.query<{ involvement_id: string }>(
        'update family_first_involvements set plan = $2, version = version + 1 where involvement_id = $1 and version = $3 returning involvement_id',
        [involvementId, plan, version],
      );
      return rows.length === 1;
    },

    async addSession(db: Queryable, session: { sessionId: string; involvementId: string; sessionDate: string; who: string; whatWasDone: string; recordedBy: string }): Promise<void> {
      await db.query(
        `insert into family_first_sessions (session_id, involvement_id, session_date, who, what_was_done, recorded_by) values ($1, $2, $3, $4, $5, $6)`,
        [session.sessionId, session.involvementId, session.sessionDate, session.who, session.whatWasDone, session.recordedBy],
      );
    },

    async addFeedback(db: Queryable, feedback: { feedbackId: string; involvementId: string; givenDate: string; words: string; consentToQuote: boolean; recordedBy: string }): Promise<void> {
      await db.query(
        `insert into family_first_feedback (feedback_id, involvement_id, given_date, words, consent_to_quote, recorded_by) values ($1, $2, $3, $4, $5, $6)`,
        [feedback.feedbackId, feedback.involvementId, feedback.givenDate, feedback.words, feedback.consentToQuote, feedback.recordedBy],
      );
    },

    async end(db: Queryable, involvementId: string, ending: { endedDate: string; ending: InvolvementEnding; notes: string | null; steppedUpReferralId: string | null }): Promise<void> {
      await db.query(
        `update family_first_involvements set ended_date = $2, ending = $3, ending_notes = $4, stepped_up_referral_id = $5, version = version + 1
          where involvement_id = $1 and ended_date is null`,
        [involvementId, ending.endedDate, ending.ending, ending.notes, ending.steppedUpReferralId],
      );
    },
  };
}
export type FamilyFirstRepository = ReturnType<typeof familyFirstRepository>;
