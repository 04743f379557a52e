/**
 * @module What Family First asks of referrals inside its own transaction (one action for a step up or a closure):
 * close the case with its reason, and record a referral in another team's tray. Only Family First calls it; the
 * composition root passes it in, so Family First never imports this module (ADR 0013, ADR 0023).
 */
import type { CaseHandOver } from '../familyFirst/familyFirst.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import type { ReferralRepository } from './referralRepository.js';

/** @example const handOver = familyFirstHandOver(referralRepository()) */
export function familyFirstHandOver(repository: ReferralRepository): CaseHandOver {
  return {
    async closeCase(tx, closure) {
      await repository.closeCase(tx, closure);
    },

    async refer(tx, referral) {
      const referralId = newRecordId('REF');
      await repository.addIntake(tx, {
        referralId, groupId: newRecordId('GRP'), childId: referral.childId, receivedDate: referral.receivedDate, source: 'social_work',
        reason: referral.reason, schoolCluster: null, team: referral.team, recordedBy: referral.recordedBy,
      });
      return referralId;
    },
  };
}
