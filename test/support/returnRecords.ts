/** @module Fixture records for the returns' rules: a world of valid records, and children looked after or registered in 2021-22. */
import type { CaseRecord, ChildRecord, EpisodeRecord, PlacementRecord, PlanningMeetingRecord, RegistrationRecord, ReturnRecords } from '../../src/modules/returns/records.js';
import { noRecords } from '../../src/modules/returns/records.js';

/** Records to add to a fixture: any tables, any records. */
export type SomeRecords = Partial<ReturnRecords>;

/** All the parts' records, table by table. */
export function merge(...parts: SomeRecords[]): ReturnRecords {
  const records = noRecords();
  for (const part of parts) {
    for (const [table, rows] of Object.entries(part) as [keyof ReturnRecords, ReturnRecords[keyof ReturnRecords]][]) {
      (records[table] as unknown[]).push(...rows);
    }
  }
  return records;
}

/** The population for 2022 and three providers: the council, another council, a private one. */
export const world = (): SomeRecords => ({
  population: [{ year: 2022, age0To17: 19_500 }],
  providers: [
    { providerId: 'PR-LA', name: 'Glenmuir Council', providerType: 'local_authority' },
    { providerId: 'PR-OA', name: 'Another Council', providerType: 'other_authority' },
    { providerId: 'PR-PV', name: 'Private Care Ltd', providerType: 'private' },
  ],
});

export const aChildRecord = (childId: string, fields: Partial<ChildRecord> = {}): ChildRecord => ({
  childId, forename: `Forename${childId}`, surname: `Surname${childId}`, dateOfBirth: '2012-05-06', sex: 'F', ethnicity: 'white_scottish',
  disability: 'N', schoolCluster: 'Northfield', school: 'Northfield Academy', ...fields,
});

const anOpenCase = (childId: string, fields: Partial<CaseRecord> = {}): CaseRecord => ({
  caseId: `K-${childId}`, childId, team: 'North', workerId: 'W1', openedDate: '2020-06-01', closedDate: null, ...fields,
});

/**
 * A child looked after all year under a supervision order away from home, in one council foster placement, with an
 * open case and a worker: records every rule passes. Ids: the child `id`, episode `E-id`, placement `P-id`, case `K-id`.
 */
export function lookedAfter(childId: string, fields: { child?: Partial<ChildRecord>; episode?: Partial<EpisodeRecord>; placement?: Partial<PlacementRecord>; placements?: PlacementRecord[]; case?: Partial<CaseRecord> | null } = {}): SomeRecords {
  const episode: EpisodeRecord = { episodeId: `E-${childId}`, childId, startDate: '2021-01-01', endDate: null, legalReason: 'cso_away', reasonEnded: null, ...fields.episode };
  const placement: PlacementRecord = {
    placementId: `P-${childId}`, episodeId: episode.episodeId, childId, startDate: episode.startDate, endDate: episode.endDate, placementType: 'foster_la',
    providerId: 'PR-LA', outOfAuthority: false, weeklyCost: 450, ...fields.placement,
  };
  return {
    children: [aChildRecord(childId, fields.child)],
    cases: fields.case === null ? [] : [anOpenCase(childId, fields.case)],
    episodes: [episode],
    placements: fields.placements ?? [placement],
  };
}

/** Another placement in a looked after child's episode `E-childId`. */
export const aPlacement = (placementId: string, childId: string, fields: Partial<PlacementRecord>): PlacementRecord => ({
  placementId, episodeId: `E-${childId}`, childId, startDate: '2021-01-01', endDate: null, placementType: 'foster_la', providerId: 'PR-LA',
  outOfAuthority: false, weeklyCost: 450, ...fields,
});

/** Another episode of a child. */
export const anEpisodeRecord = (episodeId: string, childId: string, fields: Partial<EpisodeRecord>): EpisodeRecord => ({
  episodeId, childId, startDate: '2021-01-01', endDate: null, legalReason: 'cso_away', reasonEnded: null, ...fields,
});

/**
 * A child on the register from 1 October 2021, decided at an initial planning meeting that day and reviewed in
 * March 2022, with an open case. Ids: the child `id`, registration `R-id`, meetings `M-id-initial` and `M-id-review`.
 */
export function registered(childId: string, fields: { child?: Partial<ChildRecord>; registration?: Partial<RegistrationRecord>; meetings?: PlanningMeetingRecord[] } = {}): SomeRecords {
  const registration: RegistrationRecord = {
    registrationId: `R-${childId}`, childId, registeredDate: '2021-10-01', deregisteredDate: null, concerns: ['neglect'], deregistrationReason: null, ...fields.registration,
  };
  return {
    children: [aChildRecord(childId, fields.child)],
    cases: [anOpenCase(childId)],
    registrations: [registration],
    planningMeetings: fields.meetings ?? [
      { meetingId: `M-${childId}-initial`, childId, meetingDate: registration.registeredDate, kind: 'initial', decision: 'register' },
      { meetingId: `M-${childId}-review`, childId, meetingDate: '2022-03-01', kind: 'review', decision: 'continue_registration' },
    ],
  };
}
