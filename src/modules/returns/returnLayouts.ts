/**
 * @module The returns' record layouts: for each return, one file per record level, each column with what it holds.
 * `docs/returns/` is written from these (`npm run docs:rules`), so the files and their description never differ.
 */
import type { CodeMap } from './codeMap.js';
import { returnCode } from './codeMap.js';
import type { RuleContext } from './ruleContext.js';
import { openBetween, openOn } from './ruleContext.js';

export const returnKinds = ['clas', 'cp'] as const;
export type ReturnKind = (typeof returnKinds)[number];

export const returnTitles: Record<ReturnKind, string> = {
  clas: 'Children looked after (CLAS)',
  cp: 'Child protection',
};

export interface ReturnColumn {
  name: string;
  meaning: string;
}

export interface ReturnFile {
  name: string;
  /** One row per… */
  level: string;
  columns: readonly ReturnColumn[];
  rows(context: RuleContext, map: CodeMap): string[][];
}

const column = (name: string, meaning: string): ReturnColumn => ({ name, meaning });
const yesNo = (value: boolean) => (value ? 'Y' : 'N');
const registrationSpell = (registration: { registeredDate: string; deregisteredDate: string | null }) => ({ startDate: registration.registeredDate, endDate: registration.deregisteredDate });
const byChildThen = <T extends { childId: string }>(id: (record: T) => string) => (a: T, b: T) => a.childId.localeCompare(b.childId) || id(a).localeCompare(id(b));

/** Episodes of the looked after return: open on any day of the year. */
const clasEpisodes = (context: RuleContext) => [...context.episodesInYear()].sort(byChildThen((episode) => episode.episodeId));

const clasFiles: readonly ReturnFile[] = [
  {
    name: 'children.csv',
    level: 'child looked after on any day of the collection year',
    columns: [column('child_id', "Cairn's id for the child"), column('date_of_birth', 'YYYY-MM-DD'), column('sex', 'sex code'), column('ethnicity', 'as recorded'), column('disability', 'disability code'), column('looked_after_at_census', 'Y when looked after on 31 July')],
    rows: (context, map) => {
      const ids = [...new Set(clasEpisodes(context).map((episode) => episode.childId))].sort();
      return ids.map((childId) => {
        const child = context.child(childId)!;
        const atCensus = context.episodesOf(childId).some((episode) => openOn(episode, context.year.census));
        return [childId, child.dateOfBirth, returnCode(map, 'sex', child.sex), child.ethnicity ?? '', returnCode(map, 'disability', child.disability), yesNo(atCensus)];
      });
    },
  },
  {
    name: 'episodes.csv',
    level: 'episode of being looked after open on any day of the year',
    columns: [column('child_id', "the child's id"), column('episode_id', "Cairn's id for the episode"), column('start_date', 'YYYY-MM-DD'), column('end_date', 'the first day no longer looked after; empty while open'), column('reason_ended', 'reason ended code; empty while open')],
    rows: (context, map) => clasEpisodes(context).map((episode) => [episode.childId, episode.episodeId, episode.startDate, episode.endDate ?? '', returnCode(map, 'reasonEnded', episode.reasonEnded)]),
  },
  {
    name: 'legal_reasons.csv',
    level: 'legal reason of each episode in the year (Cairn records one legal reason an episode)',
    columns: [column('child_id', "the child's id"), column('episode_id', 'the episode'), column('legal_reason', 'legal reason code'), column('start_date', 'the day it applied from: the episode start')],
    rows: (context, map) => clasEpisodes(context).map((episode) => [episode.childId, episode.episodeId, returnCode(map, 'legalReason', episode.legalReason), episode.startDate]),
  },
  {
    name: 'placements.csv',
    level: 'placement open on any day of the year',
    columns: [column('child_id', "the child's id"), column('episode_id', 'the episode'), column('placement_id', "Cairn's id for the placement"), column('start_date', 'YYYY-MM-DD'), column('end_date', 'the first day not placed there; empty while open'), column('placement_type', 'placement type code'), column('provider_type', 'provider type code; empty with no provider'), column('out_of_authority', 'Y when outside the council area')],
    rows: (context, map) =>
      [...context.placementsInYear()].sort(byChildThen((placement) => `${placement.startDate}|${placement.placementId}`)).map((placement) => [
        placement.childId, placement.episodeId, placement.placementId, placement.startDate, placement.endDate ?? '', returnCode(map, 'placementType', placement.placementType),
        returnCode(map, 'providerType', context.provider(placement.providerId)?.providerType ?? null), yesNo(placement.outOfAuthority),
      ]),
  },
];

const cpRegistrations = (context: RuleContext) => [...context.registrationsInYear()].sort(byChildThen((registration) => registration.registrationId));

const cpFiles: readonly ReturnFile[] = [
  {
    name: 'registrations.csv',
    level: 'registration on the child protection register open on any day of the year',
    columns: [column('child_id', "the child's id"), column('registration_id', "Cairn's id for the registration"), column('registered_date', 'YYYY-MM-DD'), column('deregistered_date', 'empty while registered'), column('deregistration_reason', 'reason code; empty while registered'), column('registered_in_year', 'Y when registered in the year')],
    rows: (context, map) =>
      cpRegistrations(context).map((registration) => [
        registration.childId, registration.registrationId, registration.registeredDate, registration.deregisteredDate ?? '', returnCode(map, 'deregistrationReason', registration.deregistrationReason),
        yesNo(registration.registeredDate >= context.year.start),
      ]),
  },
  {
    name: 'concerns.csv',
    level: 'area of concern at a registration made in the year',
    columns: [column('child_id', "the child's id"), column('registration_id', 'the registration'), column('concern', 'concern code')],
    rows: (context, map) =>
      cpRegistrations(context).filter((registration) => registration.registeredDate >= context.year.start)
        .flatMap((registration) => [...registration.concerns].sort().map((concern) => [registration.childId, registration.registrationId, returnCode(map, 'concern', concern)])),
  },
  {
    name: 'meetings.csv',
    level: 'child protection planning meeting held in the year',
    columns: [column('child_id', "the child's id"), column('meeting_id', "Cairn's id for the meeting"), column('meeting_date', 'YYYY-MM-DD'), column('kind', 'meeting kind code'), column('decision', 'decision code')],
    rows: (context, map) =>
      context.records.planningMeetings.filter((meeting) => meeting.meetingDate >= context.year.start && meeting.meetingDate <= context.year.census)
        .sort(byChildThen((meeting) => `${meeting.meetingDate}|${meeting.meetingId}`))
        .map((meeting) => [meeting.childId, meeting.meetingId, meeting.meetingDate, returnCode(map, 'meetingKind', meeting.kind), returnCode(map, 'meetingDecision', meeting.decision)]),
  },
  {
    name: 'register.csv',
    level: 'child on the register on 31 July',
    columns: [column('child_id', "the child's id"), column('registration_id', 'the registration open on 31 July'), column('registered_date', 'YYYY-MM-DD'), column('sex', 'sex code'), column('date_of_birth', 'YYYY-MM-DD')],
    rows: (context, map) =>
      cpRegistrations(context).filter((registration) => openOn(registrationSpell(registration), context.year.census)).map((registration) => {
        const child = context.child(registration.childId)!;
        return [registration.childId, registration.registrationId, registration.registeredDate, returnCode(map, 'sex', child.sex), child.dateOfBirth];
      }),
  },
];

export const returnLayouts: Record<ReturnKind, readonly ReturnFile[]> = { clas: clasFiles, cp: cpFiles };

