/** @module View models for a child's care page and the episode and placement forms. */
import { paths } from '../../platform/http/paths.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { legalReasonLabels, placementTypeLabels, type CareHistory, type Episode, type Placement, type Provider, type ProviderHome } from './lookedAfter.js';
import { episodeInWords } from './episodeCorrection.js';
import { changedFields, type Amendment } from '../../platform/amendments/amendment.js';
import { presentClashes, type Clash } from '../../platform/forms/versions.js';
import { correctionFieldOrder, episodeCorrectionFieldOrder } from './careForms.js';
import { placementMovesInLastYear } from '../children/child.js';
import { dateTimeOf, longDateOf, periodOf } from '../../platform/dates/formats.js';
import { type FieldErrors } from '../../platform/forms/fieldErrors.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import { moneyOf } from '../../platform/dates/formats.js';
import { legalReason, legalReasons, placementType, placementTypes, reasonEnded, reasonEndedLabels, reasonsEnded } from '../../platform/codes/careCodes.js';
import { providerType } from '../../platform/codes/careCodes.js';


/**
 * The care page: episodes, placements, stability, and which actions make sense now.
 * @example presentCareHistory(history, '2024-06-30').stability // '1 move in the last 12 months'
 */
export function presentCareHistory(history: CareHistory, today: string, amendments: readonly Amendment[] = [], providers: readonly Provider[] = [], episodeAmendments: readonly Amendment[] = [], homes: readonly ProviderHome[] = []) {
  const openEpisode = history.episodes.find((e) => e.endDate === null);
  const current = history.placements.find((p) => p.endDate === null);
  const moves = placementMovesInLastYear(history.placements, today);
  const ref = { childId: history.childId };
  return {
    childId: history.childId,
    name: history.name,
    childHref: paths.children.show(ref),
    status: openEpisode ? `Looked after since ${longDateOf(openEpisode.startDate)}` : 'Not looked after',
    stability: `${moves} ${moves === 1 ? 'move' : 'moves'} in the last 12 months`,
    episodes: history.episodes.map((e) => ({
      period: periodOf(e.startDate, e.endDate),
      legalReason: legalReason.label(e.legalReason),
      reasonEnded: e.endDate ? reasonEnded.label(e.reasonEnded) || 'Not recorded' : 'Open',
      correctHref: paths.care.correctEpisode({ childId: history.childId, episodeId: e.episodeId }),
      withdrawHref: paths.care.withdrawEpisode({ childId: history.childId, episodeId: e.episodeId }),
      amendments: presentEpisodeAmendments(episodeAmendments.filter((a) => a.recordId === e.episodeId && !a.after.withdrawn)),
    })),
    withdrawnEpisodes: episodeAmendments.filter((a) => a.after.withdrawn).map((a) => ({
      period: episodeInWords(a.before).Period,
      legalReason: episodeInWords(a.before)['Legal reason'],
      summary: `Withdrawn by ${a.amendedBy} on ${dateTimeOf(a.amendedAt)} because ${a.reason}`,
    })),
    placements: history.placements.map((p) => ({
      period: periodOf(p.startDate, p.endDate),
      type: placementType.label(p.placementType),
      provider: p.homeName ? `${p.homeName}, ${p.providerName ?? ''}` : p.providerName ?? 'Not recorded',
      outOfAuthority: p.outOfAuthority ? 'Yes' : 'No',
      weeklyCost: p.weeklyCost === null ? 'Not recorded' : moneyOf(p.weeklyCost),
      costNote: p.costOverrideReason ? `Not the home’s rate, because ${p.costOverrideReason}` : p.homeId ? `The home’s rate on ${longDateOf(p.startDate)}` : '',
      moveReason: p.moveReason ?? '',
      correctHref: paths.care.correctPlacement({ childId: history.childId, placementId: p.placementId }),
      correctText: `Correct the placement ${periodOf(p.startDate, p.endDate)}`,
      amendments: presentAmendments(amendments.filter((a) => a.recordId === p.placementId), providers, homes),
    })),
    actions: [
      !openEpisode && { text: 'Start an episode', href: paths.care.startEpisode(ref) },
      openEpisode && !current && { text: 'Place', href: paths.care.place(ref) },
      current && { text: 'Move', href: paths.care.move(ref) },
      current && { text: 'End the placement', href: paths.care.endPlacement(ref) },
      openEpisode && { text: 'End the episode', href: paths.care.endEpisode(ref) },
    ].filter((a): a is { text: string; href: string } => Boolean(a)),
  };
}

const radioItems = (codes: readonly string[], labels: Record<string, string>, chosen: string | undefined) =>
  codes.map((code) => ({ value: code, text: labels[code] ?? code, checked: code === chosen }));

/** What every care form needs: the child, what was typed, the problems and their summary. */
function formModel(history: { childId: string; name: string }, values: FormValues, problems: FieldErrors, order: readonly string[]) {
  return {
    child: { name: history.name, href: paths.care.child({ childId: history.childId }) },
    values,
    errors: problems,
    errorList: errorSummary(problems, order),
  };
}

/** @example presentStartEpisodeForm(child, {}, {}).legalReasonItems.length // 8 */
export function presentStartEpisodeForm(child: { childId: string; name: string }, values: FormValues, problems: FieldErrors) {
  return {
    ...formModel(child, values, problems, ['startDate', 'legalReason']),
    action: paths.care.startEpisode(child),
    legalReasonItems: radioItems(legalReasons, legalReasonLabels, values.legalReason),
  };
}

/** @example presentEndEpisodeForm(child, {}, {}).reasonEndedItems.length // 10 */
export function presentEndEpisodeForm(child: { childId: string; name: string }, values: FormValues, problems: FieldErrors) {
  return {
    ...formModel(child, values, problems, ['endDate', 'reasonEnded']),
    action: paths.care.endEpisode(child),
    reasonEndedItems: radioItems(reasonsEnded, reasonEndedLabels, values.reasonEnded),
  };
}

/** The place form and the move form (which adds the reason for the move). */
export function presentPlacementForm(child: { childId: string; name: string }, moving: boolean, providers: readonly Provider[], values: FormValues, problems: FieldErrors, homes: readonly ProviderHome[] = []) {
  return {
    ...formModel(child, values, problems, ['placementType', 'homeId', 'providerId', 'outOfAuthority', 'weeklyCost', 'costOverrideReason', 'startDate', 'moveReason']),
    homeItems: [
      { value: '', text: 'No home chosen', selected: !values.homeId },
      ...homes.map((h) => ({ value: h.homeId, text: `${h.name}, ${h.providerName}`, selected: h.homeId === values.homeId })),
    ],
    moving,
    action: moving ? paths.care.move(child) : paths.care.place(child),
    placementTypeItems: [
      { value: '', text: 'Choose a type of placement', selected: !values.placementType },
      ...placementTypes.map((code) => ({ value: code, text: placementTypeLabels[code] ?? code, selected: code === values.placementType })),
    ],
    providerItems: [
      { value: '', text: 'No provider (for example at home or with kinship carers)', selected: !values.providerId },
      ...providers.map((p) => ({ value: p.providerId, text: `${p.name} (${providerType.label(p.providerType)})`, selected: p.providerId === values.providerId })),
    ],
    outOfAuthorityItems: [
      { value: 'no', text: 'No, in the council’s area', checked: values.outOfAuthority === 'no' },
      { value: 'yes', text: 'Yes, outside the council’s area', checked: values.outOfAuthority === 'yes' },
    ],
  };
}

/**
 * The form correcting a placement: the place form's fields, its end date if it has ended, and the reason.
 * @example presentCorrectionForm(child, placement, providers, values, {}).action // '/children/C1/care/placements/PLC1/correct'
 */
export function presentCorrectionForm(child: { childId: string; name: string }, placement: Placement, providers: readonly Provider[], values: FormValues, problems: FieldErrors, clashes: readonly Clash[] = [], homes: readonly ProviderHome[] = []) {
  return {
    ...presentPlacementForm(child, false, providers, values, problems, homes),
    ...formModel(child, values, problems, correctionFieldOrder),
    correcting: true,
    ended: placement.endDate !== null,
    clashes: presentClashes(clashes),
    action: paths.care.correctPlacement({ childId: child.childId, placementId: placement.placementId }),
  };
}

/**
 * A placement's values as its correction form shows them.
 * @example placementValues(placement)['weeklyCost'] // '450.00'
 */
export function placementValues(placement: Placement): FormValues {
  const parts = (name: string, iso: string | null) => {
    const [year = '', month = '', day = ''] = iso ? iso.split('-') : [];
    return { [`${name}-day`]: day ? String(Number(day)) : '', [`${name}-month`]: month ? String(Number(month)) : '', [`${name}-year`]: year };
  };
  return {
    placementType: placement.placementType, homeId: placement.homeId ?? '', costOverrideReason: placement.costOverrideReason ?? '', providerId: placement.providerId ?? '', outOfAuthority: placement.outOfAuthority ? 'yes' : 'no',
    weeklyCost: placement.weeklyCost === null ? '' : placement.weeklyCost.toFixed(2), ...parts('startDate', placement.startDate), ...parts('endDate', placement.endDate),
  };
}

/** How an amended placement read before or after, in words. */
function placementInWords(recorded: Record<string, unknown>, providers: readonly Provider[], homes: readonly ProviderHome[]): Record<string, string> {
  const cost = recorded.weeklyCost;
  return {
    Home: homes.find((h) => h.homeId === recorded.homeId)?.name ?? 'None chosen',
    'Why the cost is not the home’s rate': typeof recorded.costOverrideReason === 'string' ? recorded.costOverrideReason : 'Not overridden',
    Period: periodOf(String(recorded.startDate ?? ''), recorded.endDate ? String(recorded.endDate) : null),
    Type: placementType.label(String(recorded.placementType ?? '')),
    Provider: providers.find((p) => p.providerId === recorded.providerId)?.name ?? 'Not recorded',
    'Out of authority': recorded.outOfAuthority ? 'Yes' : 'No',
    'Weekly cost': typeof cost === 'number' ? moneyOf(cost) : 'Not recorded',
  };
}

/**
 * A placement's corrections, each "amended by … on … because …" with what it said before and after.
 * @example presentAmendments(amendments, providers)[0].summary // 'Amended by Sam Reid on 1 May 2024, 10:30 because the cost was mistyped'
 */
export function presentAmendments(amendments: readonly Amendment[], providers: readonly Provider[], homes: readonly ProviderHome[] = []) {
  return presentChanges(amendments, (recorded) => placementInWords(recorded, providers, homes));
}

/** An episode's corrections, like a placement's. */
export function presentEpisodeAmendments(amendments: readonly Amendment[]) {
  return presentChanges(amendments, episodeInWords);
}

function presentChanges(amendments: readonly Amendment[], inWords: (recorded: Record<string, unknown>) => Record<string, string>) {
  return amendments.map((amendment) => {
    const changed = changedFields(inWords(amendment.before), inWords(amendment.after));
    return {
      recordId: amendment.recordId,
      summary: `Amended by ${amendment.amendedBy} on ${dateTimeOf(amendment.amendedAt)} because ${amendment.reason}`,
      changes: Object.keys(changed.after).map((label) => ({ label, before: changed.before[label]!, after: changed.after[label]! })),
    };
  });
}

/** @example presentEndPlacementForm(child, {}, {}).action // '/children/C1/care/placements/end' */
export function presentEndPlacementForm(child: { childId: string; name: string }, values: FormValues, problems: FieldErrors) {
  return { ...formModel(child, values, problems, ['endDate']), action: paths.care.endPlacement(child) };
}

/**
 * The form correcting an episode: its dates, legal reason, why it ended (if it has) and the reason for the correction.
 * @example presentEpisodeCorrectionForm(child, episode, values, {}).action // '/children/C1/care/episodes/EP1/correct'
 */
export function presentEpisodeCorrectionForm(child: { childId: string; name: string }, episode: Episode, values: FormValues, problems: FieldErrors, clashes: readonly Clash[] = []) {
  return {
    ...formModel(child, values, problems, episodeCorrectionFieldOrder),
    ended: episode.endDate !== null,
    clashes: presentClashes(clashes),
    action: paths.care.correctEpisode({ childId: child.childId, episodeId: episode.episodeId }),
    withdrawHref: paths.care.withdrawEpisode({ childId: child.childId, episodeId: episode.episodeId }),
    legalReasonItems: radioItems(legalReasons, legalReasonLabels, values.legalReason),
    reasonEndedItems: radioItems(reasonsEnded, reasonEndedLabels, values.reasonEnded),
  };
}

/**
 * An episode's values as its correction form shows them.
 * @example episodeValues(episode)['startDate-day'] // '1'
 */
export function episodeValues(episode: Episode): FormValues {
  return { legalReason: episode.legalReason, reasonEnded: episode.reasonEnded ?? '', ...dateParts('startDate', episode.startDate), ...dateParts('endDate', episode.endDate) };
}

function dateParts(name: string, iso: string | null): FormValues {
  const [year = '', month = '', day = ''] = iso ? iso.split('-') : [];
  return { [`${name}-day`]: day ? String(Number(day)) : '', [`${name}-month`]: month ? String(Number(month)) : '', [`${name}-year`]: year };
}

/** @example presentWithdrawForm(child, episode, 1, {}, {}).placements // 'Its placement is withdrawn with it.' */
export function presentWithdrawForm(child: { childId: string; name: string }, episode: Episode, placements: number, values: FormValues, problems: FieldErrors) {
  return {
    ...formModel(child, values, problems, ['reason']),
    action: paths.care.withdrawEpisode({ childId: child.childId, episodeId: episode.episodeId }),
    episode: `${periodOf(episode.startDate, episode.endDate)} (${legalReason.label(episode.legalReason)})`,
    placements: placements === 0 ? 'It has no placements.' : `Its ${placements === 1 ? 'placement is' : `${placements} placements are`} withdrawn with it.`,
  };
}
