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
import { hearingInWords, outcomesNeedingReview, referralInWords, type HearingCorrection, type ReferralCorrection, type ScraReferral } from './scra.js';
import type { AmendmentRepository } from '../../platform/amendments/amendmentRepository.js';
import { changedFields, type AmendedRecordKind, type Amendment } from '../../platform/amendments/amendment.js';
import type { Queryable } from '../../db/database.js';
import type { ScraRepository } from './scraRepository.js';
import { addYears } from '../../platform/dates/isoDates.js';
import { type HearingOutcome, type ReporterDecision } from '../../platform/codes/reporterCodes.js';

export type ScraChange = { outcome: 'done' } | { outcome: 'problems'; problems: Record<string, string> } | { outcome: 'forbidden' } | { outcome: 'not_found' };
export type ChildScra = { outcome: 'found'; child: { childId: string; name: string }; referrals: ScraReferral[]; amendments: Amendment[] } | { outcome: 'forbidden' } | { outcome: 'not_found' };

/** The rules a hearing outcome keeps, recorded or corrected: on or after the referral, and a review date within a year for an order left in force. */
function hearingProblems(referralDate: string, input: { hearingDate: string; outcome: string; reviewDate: string | null }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (input.hearingDate < referralDate) problems.hearingDate = `The hearing must be on or after the referral (${longDateOf(referralDate)})`;
  if ((outcomesNeedingReview as readonly string[]).includes(input.outcome) && !input.reviewDate) problems.reviewDate = 'Enter the date the order must be reviewed by';
  if (input.reviewDate && input.reviewDate <= input.hearingDate) problems.reviewDate = 'The review date must be after the hearing';
  else if (input.reviewDate && input.reviewDate > addYears(input.hearingDate, 1)) problems.reviewDate = 'An order must be reviewed within a year of the hearing';
  return problems;
}

const referralFields = (r: ScraReferral): ReferralCorrection => ({ referralDate: r.referralDate, ground: r.ground, decision: r.decision, decisionDate: r.decisionDate });
/** What a correction or withdrawal did inside its transaction: refused with problems, or the amendment to keep. */
type Amended = { problems: Record<string, string> } | { kind: AmendedRecordKind; recordId: string; before: Record<string, string>; after: Record<string, string>; withdrawn: boolean };

const hearingFields = (h: HearingCorrection): HearingCorrection => ({ hearingDate: h.hearingDate, outcome: h.outcome, reviewDate: h.reviewDate });

export function scraService(db: Database, repository: ScraRepository, children: ChildService, audit: AuditService, amendments: AmendmentRepository) {
  /**
   * Correct or withdraw one record in a transaction, reading it afresh there: the record changed, the amendment kept
   * (before and after in words) and audited beside it.
   */
  async function amend(user: SignedInUser, childId: string, scraReferralId: string, reason: string, work: (tx: Queryable, referral: ScraReferral) => Promise<Amended>): Promise<ScraChange> {
    const found = await this_.referralsOf(user, childId);
    if (found.outcome !== 'found') return { outcome: found.outcome };
    return db.transaction(async (tx) => {
      const referral = (await repository.referrals(tx, childId)).find((r) => r.scraReferralId === scraReferralId);
      if (!referral) return { outcome: 'not_found' } as const;
      const done = await work(tx, referral);
      if ('problems' in done) return { outcome: 'problems', problems: done.problems } as const;
      const changed = changedFields(done.before, done.after);
      await amendments.add(tx, { childId, recordKind: done.kind, recordId: done.recordId, reason, ...changed, userId: user.userId });
      await audit.record({ kind: 'user', user }, { action: done.withdrawn ? 'scra.withdrawn' : 'scra.amended', childId, subject: done.recordId, reason, details: { record: done.kind, ...changed } }, tx);
      return { outcome: 'done' } as const;
    });
  }

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
      const [referrals, referralCorrections, hearingCorrections] = await Promise.all([
        repository.referrals(db, childId), amendments.forChild(db, childId, 'reporter_referral'), amendments.forChild(db, childId, 'hearing'),
      ]);
      const corrections = [...referralCorrections, ...hearingCorrections].sort((a, b) => a.amendedAt.localeCompare(b.amendedAt));
      return { outcome: 'found', child: { childId, name }, referrals, amendments: corrections };
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
      const problems = hearingProblems(referral.referralDate, input);
      if (Object.keys(problems).length) return { outcome: 'problems', problems };
      const hearingId = newRecordId('H');
      await db.transaction(async (tx) => {
        await repository.insertHearing(tx, { hearingId, scraReferralId, ...input });
        await audit.record({ kind: 'user', user }, { action: 'scra.hearing_recorded', childId, subject: hearingId, details: { scraReferralId, ...input } }, tx);
      });
      return { outcome: 'done' };
    },

    /**
     * Correct a referral (its date and ground, and the Reporter's decision on it), with a reason, as an amendment.
     * @example await scra.correctReferral(user, 'C1', 'SR-1', { referralDate: '2024-03-28', ground: 'j', decision: null, decisionDate: null }, 'Date mistyped', 1)
     */
    correctReferral(user: SignedInUser, childId: string, scraReferralId: string, corrected: ReferralCorrection, reason: string, version: number): Promise<ScraChange> {
      return amend(user, childId, scraReferralId, reason, async (tx, referral): Promise<Amended> => {
        const problems: Record<string, string> = {};
        if (corrected.decisionDate && corrected.decisionDate < corrected.referralDate) problems.decisionDate = 'The decision must be on or after the referral';
        const early = referral.hearings.find((h) => h.hearingDate < corrected.referralDate);
        if (early) problems.referralDate = `A hearing on ${longDateOf(early.hearingDate)} followed this referral, so it must be referred on or before that day`;
        if (Object.keys(problems).length) return { problems };
        if (!(await repository.correctReferral(tx, scraReferralId, corrected, version))) return { problems: { reason: 'Someone else corrected this referral at the same time. Check it and save again.' } };
        return { kind: 'reporter_referral', recordId: scraReferralId, before: referralInWords(referralFields(referral)), after: referralInWords(corrected), withdrawn: false };
      });
    },

    /**
     * Withdraw a referral recorded in error, with a reason: it no longer counts anywhere; its amendment keeps what it said.
     * Refused while it has hearings (withdraw or correct those first).
     * @example await scra.withdrawReferral(user, 'C1', 'SR-1', 'Recorded against the wrong child')
     */
    withdrawReferral(user: SignedInUser, childId: string, scraReferralId: string, reason: string): Promise<ScraChange> {
      return amend(user, childId, scraReferralId, reason, async (tx, referral): Promise<Amended> => {
        if (referral.hearings.length) return { problems: { reason: 'This referral has hearing outcomes recorded. Withdraw them first.' } };
        await repository.deleteReferral(tx, scraReferralId);
        return { kind: 'reporter_referral', recordId: scraReferralId, before: referralInWords(referralFields(referral)), after: referralInWords(null), withdrawn: true };
      });
    },

    /**
     * Withdraw the Reporter's decision on a referral (recorded in error), with a reason: the referral awaits a decision again.
     * @example await scra.withdrawDecision(user, 'C1', 'SR-1', 'The decision was for another referral')
     */
    withdrawDecision(user: SignedInUser, childId: string, scraReferralId: string, reason: string): Promise<ScraChange> {
      return amend(user, childId, scraReferralId, reason, async (tx, referral): Promise<Amended> => {
        if (!referral.decision) return { problems: { reason: 'No decision has been recorded on this referral.' } };
        const corrected = { ...referralFields(referral), decision: null, decisionDate: null };
        if (!(await repository.correctReferral(tx, scraReferralId, corrected, referral.version))) return { problems: { reason: 'Someone else corrected this referral at the same time. Check it and try again.' } };
        return { kind: 'reporter_referral', recordId: scraReferralId, before: referralInWords(referralFields(referral)), after: referralInWords(corrected), withdrawn: true };
      });
    },

    /**
     * Correct a hearing outcome, with a reason, as an amendment; the same rules as recording it. An outcome that made an
     * order recorded in Cairn must still leave an order in force (correct or withdraw the order first).
     * @example await scra.correctHearing(user, 'C1', 'SR-1', 'H-1', { hearingDate: '2024-06-11', outcome: 'cso_made', reviewDate: '2025-06-01' }, 'Date mistyped', 1)
     */
    correctHearing(user: SignedInUser, childId: string, scraReferralId: string, hearingId: string, corrected: HearingCorrection, reason: string, version: number): Promise<ScraChange> {
      return amend(user, childId, scraReferralId, reason, async (tx, referral): Promise<Amended> => {
        const hearing = referral.hearings.find((h) => h.hearingId === hearingId);
        if (!hearing) return { problems: { hearingDate: 'There is no such hearing on this referral' } };
        const problems = hearingProblems(referral.referralDate, corrected);
        if (!(outcomesNeedingReview as readonly string[]).includes(corrected.outcome) && (await repository.hearingHasOrders(tx, hearingId))) {
          problems.outcome = 'An order was recorded from this hearing. Correct or end the order first, or choose an outcome that leaves an order in force.';
        }
        if (Object.keys(problems).length) return { problems };
        if (!(await repository.correctHearing(tx, hearingId, corrected, version))) return { problems: { reason: 'Someone else corrected this hearing at the same time. Check it and save again.' } };
        return { kind: 'hearing', recordId: hearingId, before: hearingInWords(hearingFields(hearing)), after: hearingInWords(corrected), withdrawn: false };
      });
    },

    /**
     * Withdraw a hearing outcome recorded in error, with a reason. Refused when an order or an order's review was recorded from it.
     * @example await scra.withdrawHearing(user, 'C1', 'SR-1', 'H-1', 'Recorded twice')
     */
    withdrawHearing(user: SignedInUser, childId: string, scraReferralId: string, hearingId: string, reason: string): Promise<ScraChange> {
      return amend(user, childId, scraReferralId, reason, async (tx, referral): Promise<Amended> => {
        const hearing = referral.hearings.find((h) => h.hearingId === hearingId);
        if (!hearing) return { problems: { reason: 'There is no such hearing on this referral' } };
        if (await repository.hearingHasOrders(tx, hearingId)) return { problems: { reason: 'An order or an order’s review was recorded from this hearing. Correct that first.' } };
        await repository.deleteHearing(tx, hearingId);
        return { kind: 'hearing', recordId: hearingId, before: hearingInWords(hearingFields(hearing)), after: hearingInWords(null), withdrawn: true };
      });
    },
  };
  return this_;
}
export type ScraService = ReturnType<typeof scraService>;
