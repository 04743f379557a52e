/**
 * @module The demo extract as rows: one type per file of extract-format.md v1, with the file's own column
 * names, so that what the tests check is exactly what is written.
 */
import { LegalReason, PlacementType, ProviderType, ReasonEnded } from '../../platform/codes/careCodes.js';
import { Pathway, ReferralSource } from '../../platform/codes/referralCodes.js';
import { DeregistrationReason } from '../../platform/codes/protectionCodes.js';
import { ScraGround } from '../../platform/codes/reporterCodes.js';

/** Placement types in CLAS's residential setting; the rest are community settings. */
export const residentialTypes: ReadonlySet<PlacementType> = new Set([
  'la_home', 'voluntary_home', 'residential_school', 'secure', 'crisis_care', 'other_residential',
]);

/** What a cell may hold before it is written: `null` is an empty cell. */
export type CsvValue = string | number | null;

export type AuthorityRow = { authority_code: string; authority_name: string };
export type PopulationRow = { year: number; age_0_17: number };
export type ChildRow = {
  child_id: string; family_id: string | null; forename: string; surname: string; date_of_birth: string;
  sex: 'M' | 'F' | 'X' | 'U'; ethnicity: string; disability: 'Y' | 'N' | 'U'; school_cluster: string; locality: string;
};
export type CaseRow = { case_id: string; child_id: string; team: string; worker_id: string; opened_date: string; closed_date: string | null };
export type ReferralRow = {
  referral_id: string; child_id: string; received_date: string; source: ReferralSource; reason: string;
  school_cluster: string; pathway: Pathway; closed_date: string | null;
};
export type EpisodeRow = {
  episode_id: string; child_id: string; start_date: string; end_date: string | null; legal_reason: LegalReason; reason_ended: ReasonEnded | null;
};
export type PlacementRow = {
  placement_id: string; episode_id: string; child_id: string; start_date: string; end_date: string | null;
  placement_type: PlacementType; provider_id: string | null; out_of_authority: 'Y' | 'N';
  /** Pounds with two decimals, e.g. `4235.50`; null where the placement costs nothing. */
  weekly_cost: string | null;
};
export type ProviderRow = { provider_id: string; name: string; provider_type: ProviderType };
export type RegistrationRow = {
  registration_id: string; child_id: string; registered_date: string; deregistered_date: string | null;
  /** `;`-separated concern codes. */
  concerns: string; deregistration_reason: DeregistrationReason | null;
};
export type ScraReferralRow = { scra_referral_id: string; child_id: string; referral_date: string; ground: ScraGround };
export type BenchmarkRow = { year: number; indicator: string; area: string; value: string };

/** A whole generated extract: every file's rows, and the day its history runs to. */
export interface DemoExtract {
  seed: number;
  /** The reference date (ISO): records open on it have no end date. */
  today: string;
  authority: AuthorityRow;
  population: PopulationRow[];
  children: ChildRow[];
  cases: CaseRow[];
  referrals: ReferralRow[];
  lookedAfter: EpisodeRow[];
  placements: PlacementRow[];
  providers: ProviderRow[];
  cpRegistrations: RegistrationRow[];
  scraReferrals: ScraReferralRow[];
  benchmarks: BenchmarkRow[];
}
