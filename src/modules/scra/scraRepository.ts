/** @module SQL for referrals to the Children's Reporter, the Reporter's decisions and hearing outcomes. */
import type { Queryable } from '../../db/database.js';
import type { HearingCorrection, ReferralCorrection, ScraReferral } from './scra.js';

export function scraRepository() {
  return {
    async childName(db: Queryable, childId: string): Promise<string | undefined> {
      const rows = await db.query<{ forename: string | null; surname: string | null }>('select forename, surname from children where child_id = $1', [childId]);
      const row = rows[0];
      return row ? [row.forename, row.surname].filter(Boolean).join(' ') || 'Name not recorded' : undefined;
    },

    async referrals(db: Queryable, childId: string): Promise<ScraReferral[]> {
      const rows = await db.query<{ scra_referral_id: string; child_id: string; referral_date: string; ground: string; reporter_decision: string | null; reporter_decision_date: string | null; version: number }>(
        `select scra_referral_id, child_id, referral_date, ground, reporter_decision, reporter_decision_date, version
           from scra_referrals where child_id = $1 order by referral_date desc, scra_referral_id`, [childId]);
      const hearings = await db.query<{ hearing_id: string; scra_referral_id: string; hearing_date: string; outcome: string; review_date: string | null; version: number }>(
        `select h.hearing_id, h.scra_referral_id, h.hearing_date, h.outcome, h.review_date, h.version
           from scra_hearings h join scra_referrals r on r.scra_referral_id = h.scra_referral_id
          where r.child_id = $1 order by h.hearing_date, h.hearing_id`, [childId]);
      return rows.map((r) => ({
        scraReferralId: r.scra_referral_id, childId: r.child_id, referralDate: r.referral_date, ground: r.ground.trim(),
        decision: r.reporter_decision, decisionDate: r.reporter_decision_date, version: r.version,
        hearings: hearings.filter((h) => h.scra_referral_id === r.scra_referral_id)
          .map((h) => ({ hearingId: h.hearing_id, hearingDate: h.hearing_date, outcome: h.outcome, reviewDate: h.review_date, version: h.version })),
      }));
    },

    async insertReferral(db: Queryable, referral: { scraReferralId: string; childId: string; referralDate: string; ground: string }): Promise<void> {
      await db.query('insert into scra_referrals (scra_referral_id, child_id, referral_date, ground) values ($1, $2, $3, $4)',
        [referral.scraReferralId, referral.childId, referral.referralDate, referral.ground]);
    },

    async recordDecision(db: Queryable, scraReferralId: string, decision: string, decisionDate: string): Promise<void> {
      await db.query('update scra_referrals set reporter_decision = $2, reporter_decision_date = $3 where scra_referral_id = $1', [scraReferralId, decision, decisionDate]);
    },

    async insertHearing(db: Queryable, hearing: { hearingId: string; scraReferralId: string; hearingDate: string; outcome: string; reviewDate: string | null }): Promise<void> {
      await db.query('insert into scra_hearings (hearing_id, scra_referral_id, hearing_date, outcome, review_date) values ($1, $2, $3, $4, $5)',
        [hearing.hearingId, hearing.scraReferralId, hearing.hearingDate, hearing.outcome, hearing.reviewDate]);
    },

    /** Correct a referral (and the Reporter's decision on it) if it is still at `version`; false when someone else corrected it first. */
    async correctReferral(db: Queryable, scraReferralId: string, referral: ReferralCorrection, version: number): Promise<boolean> {
      const rows = await db.query<{ scra_referral_id: string }>(
        `update scra_referrals set referral_date = $2, ground = $3, reporter_decision = $4, reporter_decision_date = $5, version = version + 1
          where scra_referral_id = $1 and version = $6 returning scra_referral_id`,
        [scraReferralId, referral.referralDate, referral.ground, referral.decision, referral.decisionDate, version]);
      return rows.length === 1;
    },

    async deleteReferral(db: Queryable, scraReferralId: string): Promise<void> {
      await db.query('delete from scra_referrals where scra_referral_id = $1', [scraReferralId]);
    },

    /** Correct a hearing outcome if it is still at `version`; false when someone else corrected it first. */
    async correctHearing(db: Queryable, hearingId: string, hearing: HearingCorrection, version: number): Promise<boolean> {
      const rows = await db.query<{ hearing_id: string }>(
        `update scra_hearings set hearing_date = $2, outcome = $3, review_date = $4, version = version + 1
          where hearing_id = $1 and version = $5 returning hearing_id`,
        [hearingId, hearing.hearingDate, hearing.outcome, hearing.reviewDate, version]);
      return rows.length === 1;
    },

    async deleteHearing(db: Queryable, hearingId: string): Promise<void> {
      await db.query('delete from scra_hearings where hearing_id = $1', [hearingId]);
    },

    /** Whether an order, or an order's review, was recorded from this hearing. */
    async hearingHasOrders(db: Queryable, hearingId: string): Promise<boolean> {
      const rows = await db.query<{ n: number }>(
        `select (select count(*) from supervision_orders where hearing_id = $1)::int + (select count(*) from supervision_order_reviews where hearing_id = $1)::int as n`, [hearingId]);
      return (rows[0]?.n ?? 0) > 0;
    },
  };
}
export type ScraRepository = ReturnType<typeof scraRepository>;
