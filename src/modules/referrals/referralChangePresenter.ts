/** @module View models for changing a referral: its details, correcting its decision or allocation, and withdrawing it. */
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { presentErrors } from '../../platform/forms/errorSummary.js';
import { presentClashes, type Clash } from '../../platform/forms/versions.js';
import { pathways, pathwayLabels, referralSources, sourceLabels } from '../../platform/codes/referralCodes.js';
import type { ReferralRecord } from './referral.js';

/** Which change a page makes. */
export type ChangeKind = 'details' | 'decision' | 'allocation' | 'withdraw';

/** The fields each change's form merges field by field (ADR 0020), with the words a clash shows. */
export const changeLabels: Record<ChangeKind, Record<string, string>> = {
  details: { source: 'Referred by', reason: 'Reason', schoolCluster: 'School cluster', team: 'Team' },
  decision: { pathway: 'Pathway', decisionReason: 'Reason for the decision', 'decided-day': 'Day of decision', 'decided-month': 'Month of decision', 'decided-year': 'Year of decision' },
  allocation: { workerId: 'Worker' },
  withdraw: {},
};

const [titles, actions] = [
  { details: 'Change the referral’s details', decision: 'Correct the decision', allocation: 'Correct the allocation', withdraw: 'Withdraw the referral' },
  { details: paths.referrals.details, decision: paths.referrals.correctDecision, allocation: paths.referrals.correctAllocation, withdraw: paths.referrals.withdraw },
] as const;

const order = ['source', 'reason', 'schoolCluster', 'team', 'pathway', 'decisionReason', 'decided-day', 'workerId', 'correctionReason', 'withdrawReason'];

/**
 * A referral's fields as each change's form shows them now.
 * @example changeValues('allocation', referral) // { workerId: 'W1' }
 */
export function changeValues(kind: ChangeKind, referral: ReferralRecord): FormValues {
  if (kind === 'details') return { source: referral.source, reason: referral.reason, schoolCluster: referral.schoolCluster ?? '', team: referral.team };
  if (kind === 'allocation') return { workerId: referral.workerId ?? '' };
  if (kind === 'withdraw') return {};
  const [year, month, day] = (referral.decidedDate ?? '').split('-');
  return { pathway: referral.pathway ?? '', decisionReason: referral.decisionReason ?? '', 'decided-day': String(Number(day ?? '') || ''), 'decided-month': String(Number(month ?? '') || ''), 'decided-year': year ?? '' };
}

/** A clashing value as people read it: a pathway's, source's or worker's name rather than its code. */
function inWords(field: string, value: string, workers: readonly { workerId: string; displayName: string }[]): string {
  if (field === 'pathway') return pathwayLabels[value as keyof typeof pathwayLabels] ?? value;
  if (field === 'source') return sourceLabels[value as keyof typeof sourceLabels] ?? value;
  if (field === 'workerId') return workers.find((w) => w.workerId === value)?.displayName ?? value;
  return value;
}

/**
 * One change page.
 * @example presentChange('withdraw', referral, [], {}, {}).title // 'Withdraw the referral'
 */
export function presentChange(kind: ChangeKind, referral: ReferralRecord, workers: readonly { workerId: string; displayName: string }[], values: FormValues, errors: FieldErrors, clashes: readonly Clash[] = []) {
  const ids = { referralId: referral.referralId };
  return {
    kind,
    title: titles[kind],
    childName: referral.childName,
    action: actions[kind](ids),
    backHref: paths.referrals.show(ids),
    sourceItems: referralSources.map((key) => ({ value: key, text: sourceLabels[key], checked: key === values.source })),
    pathwayItems: pathways.map((key) => ({ value: key, text: pathwayLabels[key], checked: key === values.pathway })),
    workerItems: [{ value: '', text: 'Choose a worker' }, ...workers.map((w) => ({ value: w.workerId, text: `${w.displayName} (${w.workerId})`, selected: w.workerId === values.workerId }))],
    values,
    clashes: presentClashes(clashes.map((clash) => ({ ...clash, mine: inWords(clash.field, clash.mine, workers), theirs: inWords(clash.field, clash.theirs, workers) }))),
    ...presentErrors(errors, order),
  };
}
