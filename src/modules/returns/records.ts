/** @module The records the returns' rules read: one collection's worth of the tables a return is made from. */

export interface ChildRecord {
  childId: string;
  forename: string | null;
  surname: string | null;
  /** `YYYY-MM-DD` */
  dateOfBirth: string;
  sex: string | null;
  ethnicity: string | null;
  disability: string | null;
  schoolCluster: string | null;
  /** Recorded in Cairn only (the extract has the cluster, not the school). */
  school: string | null;
}

export interface CaseRecord {
  caseId: string;
  childId: string;
  team: string | null;
  workerId: string | null;
  openedDate: string;
  /** The first day the case is no longer open (intervals are half-open). */
  closedDate: string | null;
}

export interface EpisodeRecord {
  episodeId: string;
  childId: string;
  startDate: string;
  endDate: string | null;
  legalReason: string;
  reasonEnded: string | null;
}

export interface PlacementRecord {
  placementId: string;
  episodeId: string;
  childId: string;
  startDate: string;
  endDate: string | null;
  placementType: string;
  providerId: string | null;
  outOfAuthority: boolean;
  weeklyCost: number | null;
}

export interface ProviderRecord {
  providerId: string;
  name: string;
  providerType: string;
}

export interface RegistrationRecord {
  registrationId: string;
  childId: string;
  registeredDate: string;
  deregisteredDate: string | null;
  concerns: string[];
  deregistrationReason: string | null;
}

export interface PlanningMeetingRecord {
  meetingId: string;
  childId: string;
  meetingDate: string;
  kind: string;
  decision: string;
}

export interface ReporterReferralRecord {
  scraReferralId: string;
  childId: string;
  referralDate: string;
  ground: string;
}

export interface PopulationRecord {
  year: number;
  age0To17: number;
}

/** Every table a rule may read, by the name rules give in `tables`. */
export interface ReturnRecords {
  children: ChildRecord[];
  cases: CaseRecord[];
  episodes: EpisodeRecord[];
  placements: PlacementRecord[];
  providers: ProviderRecord[];
  registrations: RegistrationRecord[];
  planningMeetings: PlanningMeetingRecord[];
  reporterReferrals: ReporterReferralRecord[];
  population: PopulationRecord[];
}

export type TableName = keyof ReturnRecords;

export const tableNames = ['children', 'cases', 'episodes', 'placements', 'providers', 'registrations', 'planningMeetings', 'reporterReferrals', 'population'] as const satisfies readonly TableName[];

/** Each table's record id field, for findings and links. */
export const recordIdField = {
  children: 'childId',
  cases: 'caseId',
  episodes: 'episodeId',
  placements: 'placementId',
  providers: 'providerId',
  registrations: 'registrationId',
  planningMeetings: 'meetingId',
  reporterReferrals: 'scraReferralId',
  population: 'year',
} as const satisfies { [T in TableName]: keyof ReturnRecords[T][number] };

/** No records at all: the start of every fixture. */
export function noRecords(): ReturnRecords {
  return { children: [], cases: [], episodes: [], placements: [], providers: [], registrations: [], planningMeetings: [], reporterReferrals: [], population: [] };
}
