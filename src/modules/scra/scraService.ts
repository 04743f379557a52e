/**
 * @module Use cases for referrals to the Children's Reporter: record a referral with its ground, the Reporter's
 * decision, and each hearing's outcome (with the date an order must be reviewed by). Each change is audited in its transaction.
 */
import type { Database } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { ChildService } from '../children/childService.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { outcomesNeedingReview, type ScraReferral } from './scra.js';
import type { ScraRepository } from './scraRepository.js';
import { addYears } from '../../platform/dates/isoDates.js';
import { type HearingOutcome, type ReporterDecision } from '../../platform/codes/reporterCodes.js';

export type ScraChange = { outcome: 'done' } | { outcome: 'problems'; problems: Record<string, string> } | { outcome: 'forbidden' } | { outcome: 'not_found' };
export type ChildScra = { outcome: 'found'; child: { childId: string; name: string }; referrals: ScraReferral[] } | { outcome: 'forbidden' } | { outcome: 'not_found' };

export function scraService(db: Database, repository: ScraRepository, children: ChildService, audit: AuditService) {
  async function referralOf(user: SignedInUser, childId: string, scraReferralId: string): Promise<ScraReferral | { outcome: 'forbidden' | 'not_found' }> {
    const found = await this_.referralsOf(user, childId);
    if (found.outcome !== 'found') return { outcome: found.outcome };
    return found.referrals.find((r) => r.scraReferralId === scraReferralId) ?? { outcome: 'not_found' };
  }

  const this_ = {
    /**
     * A child's referrals to the Reporter, for someone who may see the child.
     * @example await scra.referralsOf(user, 'C1')
     */
    async referralsOf(user: SignedInUser, childId: string): Promise<ChildScra> {
      const name = await repository.childName(db, childId);
      if (!name) return { outcome: 'not_found' };
      if (!(await children.mayAccess(user, childId))) return { outcome: 'forbidden' };
      return { outcome: 'found', child: { childId, name }, referrals: await repository.referrals(db, childId) };
    },

    /** @example await scra.refer(user, 'C1', { referralDate: '2024-05-01', ground: 'a' }) */
    async refer(user: SignedInUser, childId: string, input: { referralDate: string; ground: string }): Promise<ScraChange> {
      const found = await this_.referralsOf(user, childId);
      if (found.outcome !== 'found') return { outcome: found.outcome };
      const scraReferralId = newRecordId('SR');
      await db.transaction(async (tx) => {
        await repository.insertReferral(tx, { scraReferralId, childId, ...input });
        await audit.record({ kind: 'user', user }, { action: 'scra.referred', childId, subject: scraReferralId, details: { ...input } }, tx);
      });
      return { outcome: 'done' };
    },

    /** @example await scra.decide(user, 'C1', 'SR-1', { decision: 'hearing_arranged', decisionDate: '2024-05-20' }) */
    async decide(user: SignedInUser, childId: string, scraReferralId: string, input: { decision: ReporterDecision; decisionDate: string }): Promise<ScraChange> {
      const referral = await referralOf(user, childId, scraReferralId);
      if ('outcome' in referral) return referral;
      if (input.decisionDate < referral.referralDate) return { outcome: 'problems', problems: { decisionDate: `The decision must be on or after the referral (${longDateOf(referral.referralDate)})` } };
      await db.transaction(async (tx) => {
        await repository.recordDecision(tx, scraReferralId, input.decision, input.decisionDate);
        await audit.record({ kind: 'user', user }, { action: 'scra.decided', childId, subject: scraReferralId, details: { ...input } }, tx);
      });
      return { outcome: 'done' };
    },

    /**
     * Record a hearing's outcome. An order left in force needs the date it must be reviewed by, within a year.
     * @example await scra.recordHearing(user, 'C1', 'SR-1', { hearingDate: '2024-06-10', outcome: 'cso_made', reviewDate: '2025-06-09' })
     */
    async recordHearing(user: SignedInUser, childId: string, scraReferralId: string, input: { hearingDate: string; outcome: HearingOutcome; reviewDate: string | null }): Promise<ScraChange> {
      const referral = await referralOf(user, childId, scraReferralId);
      if ('outcome' in referral) return referral;
      const problems: Record<string, string> = {};
      if (input.hearingDate < referral.referralDate) problems.hearingDate = `The hearing must be on or after the referral (${longDateOf(referral.referralDate)})`;
      if (outcomesNeedingReview.includes(input.outcome) && !input.reviewDate) problems.reviewDate = 'Enter the date the order must be reviewed by';
      if (input.reviewDate && input.reviewDate <= input.hearingDate) problems.reviewDate = 'The review date must be after the hearing';
      else if (input.reviewDate && input.reviewDate > addYears(input.hearingDate, 1)) problems.reviewDate = 'An order must be reviewed within a year of the hearing';
      if (Object.keys(problems).length) return { outcome: 'problems', problems };
      const hearingId = newRecordId('H');
      await db.transaction(async (tx) => {
        await repository.insertHearing(tx, { hearingId, scraReferralId, ...input });
        await audit.record({ kind: 'user', user }, { action: 'scra.hearing_recorded', childId, subject: hearingId, details: { scraReferralId, ...input } }, tx);
      });
      return { outcome: 'done' };
    },
  };
  return this_;
}
export type ScraService = ReturnType<typeof scraService>;
