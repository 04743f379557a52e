/** @module A child's record as Cairn shows it: the child, their family, and their journey through services. */
import type { ChildDetailsChange } from './childDetails.js';
import { addYears } from '../../platform/dates/isoDates.js';

/** What a list shows instead of the name of a child whose record is restricted and closed to the viewer (ADR 0044). */
export const restrictedRecordName = 'Restricted record';

/** @example restrictedRecordLabel('C000555') // 'Restricted record (C000555)' */
export const restrictedRecordLabel = (childId: string) => `${restrictedRecordName} (${childId})`;

export interface ChildSearch {
  /** Words of a name, or a child's id. */
  text?: string;
  /** `YYYY-MM-DD` */
  dateOfBirth?: string;
  limit: number;
}

export interface ChildSearchResult {
  childId: string;
  forename: string | null;
  surname: string | null;
  dateOfBirth: string;
  schoolCluster: string | null;
  openCaseTeam: string | null;
  /** Restricted to others (issue 16): found, but shown only as "Restricted record", with no name or details. */
  restricted?: true;
}

export interface ChildDetails {
  childId: string;
  familyId: string | null;
  forename: string | null;
  surname: string | null;
  dateOfBirth: string;
  sex: string | null;
  ethnicity: string | null;
  disability: string | null;
  /** Recorded in Cairn only: the extract has the school cluster, not the school (migration 0008). */
  school: string | null;
  schoolCluster: string | null;
  locality: string | null;
  /** Bumped by every change of these details: a form saved against an older one is merged (platform/forms/versions.ts). */
  version: number;
}

/**
 * A child recorded on the "Add a child" page: the details a worker may change, and a brother or sister already
 * recorded whose family (household) the child joins (otherwise a new family).
 */
export type NewChild = ChildDetailsChange & { siblingId: string | null };

/** A child born on a given day, as the likely-duplicate rule sees them, and whether the reader may open the record. */
export interface RecordBornOn {
  childId: string;
  forename: string | null;
  surname: string | null;
  dateOfBirth: string;
  /** In the reader's scope and not restricted to others: they may open it. */
  inScope: boolean;
}

/**
 * A brother or sister on a child's summary as the reader may see them (issue 16): named where they may open the record;
 * "Restricted record" and the id where it is restricted to others; otherwise only counted — no name, id or date of birth.
 */
export type FamilyMemberSeen =
  | { seen: 'open'; childId: string; forename: string | null; surname: string | null; dateOfBirth: string }
  | { seen: 'restricted'; childId: string }
  | { seen: 'not_open' };

export interface ChildSummary {
  child: ChildDetails;
  familyMembers: { childId: string; forename: string | null; surname: string | null; dateOfBirth: string }[];
  cases: { caseId: string; team: string | null; workerId: string | null; /** The worker's name (worker_names), when known. */ workerName: string | null; openedDate: string; closedDate: string | null }[];
  referrals: { referralId: string; receivedDate: string; source: string | null; reason: string | null; pathway: string; closedDate: string | null }[];
  episodes: { episodeId: string; startDate: string; endDate: string | null; legalReason: string; reasonEnded: string | null }[];
  placements: { placementId: string; episodeId: string; startDate: string; endDate: string | null; placementType: string; providerName: string | null; outOfAuthority: boolean; weeklyCost: number | null }[];
  registrations: { registrationId: string; registeredDate: string; deregisteredDate: string | null; concerns: string[]; deregistrationReason: string | null }[];
  scraReferrals: { scraReferralId: string; referralDate: string; ground: string }[];
  /** When the child was last stepped up from Family First to statutory services, if ever. */
  steppedUpOn?: string | null;
}


/**
 * Placement stability, one rule wherever it is shown: moves in the 12 months up to `today`, counting each placement
 * that began on the day the child's previous one ended (a first placement is not a move).
 * @example placementMovesInLastYear([{ startDate: '2024-01-01', endDate: '2024-03-01' }, { startDate: '2024-03-01', endDate: null }], '2024-06-30') // 1
 */
export function placementMovesInLastYear(placements: readonly { startDate: string; endDate: string | null }[], today: string): number {
  const from = addYears(today, -1);
  const endDays = new Set(placements.filter((p) => p.endDate).map((p) => p.endDate));
  return placements.filter((p) => p.startDate > from && p.startDate <= today && endDays.has(p.startDate)).length;
}
