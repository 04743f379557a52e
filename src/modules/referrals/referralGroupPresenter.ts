/** @module The view model for screening, deciding and allocating a sibling group together. */
import { longDateOf } from '../../platform/dates/formats.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { presentErrors } from '../../platform/forms/errorSummary.js';
import { pathways, pathwayLabels, sourceLabels } from '../../platform/codes/referralCodes.js';
import { referralStage, type ReferralRecord } from './referral.js';
import { stageLabels } from './referralLabels.js';
import type { Sibling } from './referralService.js';
import { childField } from './referralGroup.js';
import { unnamedSibling } from './referralPresenter.js';

type Worker = { workerId: string; displayName: string };

const radios = (chosen: string | undefined) => pathways.map((key) => ({ value: key, text: pathwayLabels[key], checked: key === chosen }));
const workerItems = (workers: readonly Worker[], chosen: string | undefined, none: string) =>
  [{ value: '', text: none }, ...workers.map((w) => ({ value: w.workerId, text: `${w.displayName} (${w.workerId})`, selected: w.workerId === chosen }))];

/**
 * The hidden fields that tie the form to each child's referral as it was shown (id and version).
 * @example groupStartValues(members) // { 'child1-ref': 'REF-1', 'child1-version': '2', … }
 */
export function groupStartValues(members: readonly ReferralRecord[]): FormValues {
  return Object.fromEntries(members.flatMap((m, i) => [[childField(i + 1, 'ref'), m.referralId], [childField(i + 1, 'version'), String(m.version)]]));
}

/**
 * The group page: each child still to decide (with their own exception fields), the rest of the group, the shared fields.
 * @example presentGroup(view, {}, {}).children.length // 3
 */
export function presentGroup(view: { referral: ReferralRecord; members: ReferralRecord[]; others: Sibling[]; workers: Worker[] }, values: FormValues, errors: FieldErrors) {
  const { referral } = view;
  const children = view.members.map((member, i) => {
    const n = i + 1;
    const f = (name: string) => childField(n, name);
    return {
      n,
      name: member.childName,
      summary: member.dateOfBirth ? `Born ${longDateOf(member.dateOfBirth)} · ${stageLabels[referralStage(member)]}` : stageLabels[referralStage(member)],
      fields: { ref: f('ref'), version: f('version'), except: f('except'), pathway: f('pathway'), decisionReason: f('decisionReason'), workerId: f('workerId') },
      excepted: values[f('except')] === 'yes',
      pathwayItems: radios(values[f('pathway')]),
      workerItems: workerItems(view.workers, values[f('workerId')], 'Do not allocate yet'),
    };
  });
  const order = ['screeningNotes', 'pathway', 'decisionReason', 'decided-day', 'workerId', 'opened-day', ...children.flatMap((c) => [c.fields.except, c.fields.pathway, c.fields.decisionReason, c.fields.workerId])];
  return {
    heading: 'Screen, decide and allocate together',
    action: paths.referrals.group({ referralId: referral.referralId }),
    backHref: paths.referrals.show({ referralId: referral.referralId }),
    referral: { received: longDateOf(referral.receivedDate), source: sourceLabels[referral.source], reason: referral.reason, team: referral.team },
    children,
    others: view.others.map((s) => (s.named
      ? { name: s.referral.childName, href: paths.referrals.show({ referralId: s.referral.referralId }), stage: stageLabels[referralStage(s.referral)] }
      : { name: unnamedSibling(s), href: undefined, stage: undefined })),
    pathwayItems: radios(values.pathway),
    workerItems: workerItems(view.workers, values.workerId, 'Do not allocate yet'),
    values,
    ...presentErrors(errors, order),
  };
}
