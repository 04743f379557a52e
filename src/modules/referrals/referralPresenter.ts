/** @module View models for the referral tray, a referral, and its forms: the only way referral data reaches a template. */
import { longDateOf } from '../../platform/dates/formats.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { decisionDueDate, isOverdue, referralStage, type ReferralRecord } from './referral.js';
import { stageLabels } from './referralLabels.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { presentErrors } from '../../platform/forms/errorSummary.js';
import { closureReasons, pathways, referralSources } from '../../platform/codes/referralCodes.js';
import { closureReasonLabels, pathwayLabels, sourceLabels } from '../../platform/codes/referralCodes.js';
import type { Sibling } from './referralService.js';
import { restrictedRecordLabel } from '../children/child.js';
import { changedFields, type Amendment } from '../../platform/amendments/amendment.js';
import { dateTimeOf } from '../../platform/dates/formats.js';
import { presentClashes, startedFrom, type Clash } from '../../platform/forms/versions.js';

/** The screening form's values as the referral holds them now, for the versions kit. */
export const screeningValues = (referral: ReferralRecord): FormValues => ({ screeningNotes: referral.screeningNotes ?? '' });

/**
 * What a sibling the person may not name is called: "Restricted record" and the id when their record is restricted
 * and closed to them (ADR 0044), otherwise no more than that there is another child.
 * @example unnamedSibling({ referral: { referralId: 'REF-2' }, named: false, restrictedChildId: 'C1' }) // 'Restricted record (C1)'
 */
export const unnamedSibling = (sibling: Extract<Sibling, { named: false }>) =>
  (sibling.restrictedChildId ? restrictedRecordLabel(sibling.restrictedChildId) : 'Another child, whose record you cannot open');

/**
 * A referral's corrections, each "amended by … on … because …" with what it said before and after.
 * @example presentReferralAmendments(amendments)[0].summary // 'Amended by Sam Reid on 1 May 2024, 10:30 because the wrong pathway was chosen'
 */
export function presentReferralAmendments(amendments: readonly Amendment[]) {
  return amendments.map((amendment) => {
    const changed = changedFields(amendment.before, amendment.after);
    return {
      summary: `Amended by ${amendment.amendedBy} on ${dateTimeOf(amendment.amendedAt)} because ${amendment.reason}`,
      changes: Object.keys(changed.after).map((label) => ({ label, before: changed.before[label]!, after: changed.after[label]! })),
    };
  });
}

/** Radio items for a set of labelled choices, with the chosen one checked. */
function radioItems<Key extends string>(keys: readonly Key[], labels: Record<Key, string>, chosen: string | undefined) {
  return keys.map((key) => ({ value: key, text: labels[key], checked: key === chosen }));
}

/** @example presentNewReferralForm({}, {}, 'Family First').sourceItems.length // 8 */
export function presentNewReferralForm(values: FormValues, errors: FieldErrors, order: readonly string[], defaultTeam: string | null) {
  return {
    values: { team: defaultTeam ?? '', ...values },
    sourceItems: radioItems(referralSources, sourceLabels, values.source),
    ...presentErrors(errors, order),
  };
}

/**
 * The tray: counts by stage and a row per referral, overdue ones flagged.
 * @example presentTray(referrals, 7, '2022-03-10').counts.overdue // 2
 */
export function presentTray(referrals: ReferralRecord[], targetDays: number, today: string) {
  const rows = referrals.map((referral) => {
    const stage = referralStage(referral);
    const overdue = isOverdue(referral, targetDays, today);
    return {
      href: paths.referrals.show({ referralId: referral.referralId }),
      name: referral.childName,
      received: longDateOf(referral.receivedDate),
      source: sourceLabels[referral.source],
      cluster: referral.schoolCluster ?? 'Not recorded',
      team: referral.team,
      stage: stageLabels[stage],
      stageKey: stage,
      due: referral.pathway === null ? longDateOf(decisionDueDate(referral.receivedDate, targetDays)) : '',
      overdue,
    };
  });
  return {
    targetDays,
    rows,
    counts: {
      new: rows.filter((r) => r.stageKey === 'new').length,
      awaitingDecision: rows.filter((r) => r.stageKey === 'awaiting_decision').length,
      overdue: rows.filter((r) => r.overdue).length,
      awaitingAllocation: rows.filter((r) => r.stageKey === 'awaiting_allocation').length,
    },
  };
}

/**
 * One referral, with what can be done next.
 * @example presentReferral(view, { targetDays: 7, today: '2022-03-10', mayManage: true, values: {}, errors: {} }).canDecide // true
 */
export function presentReferral(
  view: { referral: ReferralRecord; siblings: Sibling[]; workers: { workerId: string; displayName: string }[]; amendments: Amendment[] },
  options: { targetDays: number; today: string; mayManage: boolean; involvementId?: string; values: FormValues; errors: FieldErrors; clashes?: Clash[] },
) {
  const { referral } = view;
  const stage = referralStage(referral);
  const undecided = stage === 'new' || stage === 'awaiting_decision';
  const ids = { referralId: referral.referralId };
  const siblingsToDecide = view.siblings.filter((s) => s.named && ['new', 'awaiting_decision'].includes(referralStage(s.referral))).length;
  return {
    heading: `Referral for ${referral.childName}`,
    referralId: referral.referralId,
    stage: stageLabels[stage],
    overdue: isOverdue(referral, options.targetDays, options.today),
    details: [
      { key: 'Child', value: referral.childName, href: referral.caseId ? paths.children.show({ childId: referral.childId }) : undefined },
      { key: 'Date of birth', value: longDateOf(referral.dateOfBirth) },
      { key: 'Cairn id', value: referral.childId },
      { key: 'Received', value: longDateOf(referral.receivedDate) },
      { key: 'Referred by', value: sourceLabels[referral.source] },
      { key: 'Reason', value: referral.reason },
      { key: 'School cluster', value: referral.schoolCluster ?? 'Not recorded' },
      { key: 'Team', value: referral.team },
      { key: 'Decision due by', value: referral.pathway === null ? longDateOf(decisionDueDate(referral.receivedDate, options.targetDays)) : 'Decided' },
      { key: 'Screening', value: referral.screeningNotes ?? 'Not yet screened' },
      { key: 'Pathway', value: referral.pathway ? `${pathwayLabels[referral.pathway]}, decided ${longDateOf(referral.decidedDate)}: ${referral.decisionReason}` : 'Not yet decided' },
      { key: 'Allocated to', value: referral.workerId ?? 'Not allocated' },
    ],
    withdrawn: referral.withdrawnAt ? `Withdrawn on ${dateTimeOf(referral.withdrawnAt)} because ${referral.withdrawnReason}` : undefined,
    siblings: view.siblings.map((s) => (s.named
      ? { name: s.referral.childName, href: paths.referrals.show({ referralId: s.referral.referralId }), stage: stageLabels[referralStage(s.referral)] }
      : { name: unnamedSibling(s), href: undefined, stage: undefined })),
    canScreen: options.mayManage && undecided,
    canDecide: options.mayManage && undecided,
    canAllocate: options.mayManage && stage === 'awaiting_allocation',
    changes: options.mayManage
      ? {
          details: undecided ? paths.referrals.details(ids) : undefined,
          group: undecided && siblingsToDecide > 0 ? paths.referrals.group(ids) : undefined,
          correctDecision: referral.pathway !== null && stage !== 'withdrawn' ? paths.referrals.correctDecision(ids) : undefined,
          correctAllocation: referral.caseId && referral.caseClosedDate === null ? paths.referrals.correctAllocation(ids) : undefined,
          withdraw: stage !== 'withdrawn' && !referral.caseId ? paths.referrals.withdraw(ids) : undefined,
        }
      : undefined,
    amendments: presentReferralAmendments(view.amendments),
    clashes: presentClashes(options.clashes ?? []),
    caseLinks: referral.caseId
      ? {
          closeCase: referral.caseClosedDate === null ? paths.referrals.closeCase({ caseId: referral.caseId }) : undefined,
          familyFirst: options.involvementId ? paths.familyFirst.show({ involvementId: options.involvementId }) : undefined,
        }
      : undefined,
    pathwayItems: radioItems(pathways, pathwayLabels, options.values.pathway),
    workerItems: [{ value: '', text: 'Choose a worker' }, ...view.workers.map((w) => ({ value: w.workerId, text: `${w.displayName} (${w.workerId})`, selected: w.workerId === options.values.workerId }))],
    values: { ...screeningValues(referral), ...startedFrom({ version: referral.version, values: screeningValues(referral) }), ...options.values },
    ...presentErrors(options.errors, ['screeningNotes', 'pathway', 'decisionReason', 'decided-day', 'workerId', 'opened-day']),
  };
}

/**
 * The close-a-case form.
 * @example presentCloseCase(caseRecord, {}, {}).reasonItems.length // 6
 */
export function presentCloseCase(caseRecord: { caseId: string; childId: string; team: string | null; openedDate: string }, values: FormValues, errors: FieldErrors) {
  return {
    caseId: caseRecord.caseId,
    summary: `Case ${caseRecord.caseId}, ${caseRecord.team ?? 'no team'}, open since ${longDateOf(caseRecord.openedDate)}`,
    childHref: paths.children.show({ childId: caseRecord.childId }),
    action: paths.referrals.closeCase({ caseId: caseRecord.caseId }),
    reasonItems: radioItems(closureReasons, closureReasonLabels, values.reason),
    values,
    ...presentErrors(errors, ['closed-day', 'reason', 'notes']),
  };
}
