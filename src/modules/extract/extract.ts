/** @module The records of an extract (extract-format.md v1), as read from its CSV files, and what an import reports. */

/** The files an extract may hold, in the order extract-format.md lists them. */
export const extractFileKinds = [
  'authority',
  'population',
  'children',
  'cases',
  'referrals',
  'looked_after',
  'placements',
  'providers',
  'cp_registrations',
  'scra_referrals',
  'benchmarks',
] as const;
export type ExtractFileKind = (typeof extractFileKinds)[number];

/** @example extractFileName('looked_after') // 'looked_after.csv' */
export function extractFileName(kind: ExtractFileKind): string {
  return `${kind}.csv`;
}

export interface AuthorityRecord {
  authority_code: string;
  authority_name: string;
}

export interface PopulationRecord {
  year: number;
  age_0_17: number;
}

export interface ChildRecord {
  child_id: string;
  family_id: string | null;
  forename: string | null;
  surname: string | null;
  date_of_birth: string;
  sex: string | null;
  ethnicity: string | null;
  disability: string | null;
  school_cluster: string | null;
  locality: string | null;
}

export interface CaseRecord {
  case_id: string;
  child_id: string;
  team: string | null;
  worker_id: string | null;
  opened_date: string;
  closed_date: string | null;
}

export interface ReferralRecord {
  referral_id: string;
  child_id: string;
  received_date: string;
  source: string | null;
  reason: string | null;
  school_cluster: string | null;
  pathway: string;
  closed_date: string | null;
}

export interface LookedAfterEpisodeRecord {
  episode_id: string;
  child_id: string;
  start_date: string;
  end_date: string | null;
  legal_reason: string;
  reason_ended: string | null;
}

export interface PlacementRecord {
  placement_id: string;
  episode_id: string;
  child_id: string;
  start_date: string;
  end_date: string | null;
  placement_type: string;
  provider_id: string | null;
  out_of_authority: boolean | null;
  weekly_cost: number | null;
}

export interface ProviderRecord {
  provider_id: string;
  name: string;
  provider_type: string;
}

export interface ProtectionRegistrationRecord {
  registration_id: string;
  child_id: string;
  registered_date: string;
  deregistered_date: string | null;
  /** Empty when the cell is empty: the register keeps an empty list, never null. */
  concerns: string[];
  deregistration_reason: string | null;
}

export interface ScraReferralRecord {
  scra_referral_id: string;
  child_id: string;
  referral_date: string;
  ground: string;
}

export interface BenchmarkRecord {
  year: number;
  indicator: string;
  area: string;
  value: number;
}

/** The record type each file holds. */
export interface ExtractRecords {
  authority: AuthorityRecord;
  population: PopulationRecord;
  children: ChildRecord;
  cases: CaseRecord;
  referrals: ReferralRecord;
  looked_after: LookedAfterEpisodeRecord;
  placements: PlacementRecord;
  providers: ProviderRecord;
  cp_registrations: ProtectionRegistrationRecord;
  scra_referrals: ScraReferralRecord;
  benchmarks: BenchmarkRecord;
}

/**
 * One data row as read: a field is `undefined` when its cell was wrong (already reported) or its
 * required column is missing, so later checks skip what they cannot know rather than report it twice.
 */
export type ReadRecord<R> = { line: number } & { [K in keyof R]?: R[K] };

/** The ids a file defines: asked only whether it holds one (a large file's ids are kept once, with their lines). */
export interface IdsOfAFile {
  has(id: string): boolean;
}

/**
 * A file's rows in the order read (held packed, ADR 0065): each one read out is a new object, and changing it changes
 * nothing held until it is `set` back.
 */
export interface ReadRows<R> extends Iterable<ReadRecord<R>> {
  readonly length: number;
  at(index: number): ReadRecord<R> | undefined;
  set(index: number, row: ReadRecord<R>): void;
  /** Rows `from` up to (not including) `to`. */
  slice(from: number, to?: number): ReadRecord<R>[];
  /** One column's value in every row, in order (`undefined` where the cell could not be read), with its line. */
  forEachValue<C extends keyof R & string>(column: C, visit: (value: R[C] | undefined, line: number, index: number) => void): void;
}

/** Rows to write, taken a batch at a time (`slice`), so that a file's rows are never all unpacked at once. */
export interface RowBatches<R> {
  readonly length: number;
  slice(from: number, to?: number): readonly R[];
  /** One column's value in every row, in order. */
  forEachValue<C extends keyof R & string>(column: C, visit: (value: R[C] | undefined, line: number, index: number) => void): void;
}

/** One file of the extract after its cells have been read and checked. */
export interface ReadFile<R> {
  /** The name as it is on disk (problems quote it so the user can find the file). */
  fileName: string;
  rows: ReadRows<R>;
  /** Every id the file defines, including rows with problems of their own (so references to them do not report twice). */
  ids: IdsOfAFile;
  /** False when the id column is missing or the file unreadable: references into this file cannot be checked. */
  idsKnown: boolean;
  /**
   * Optional columns the header leaves out. Their rows read as empty, but a record already stored keeps what it
   * has there: leaving a column out says nothing about it, it does not empty it.
   */
  absentColumns: string[];
}

/** A whole extract, read: only the files present. */
export type ReadExtract = { [K in ExtractFileKind]?: ReadFile<ExtractRecords[K]> };

/** Something wrong with the extract, reported as `file:line: column: message`. */
export interface ExtractProblem {
  file: string;
  /** The CSV line (the header is line 1); 0 when it is about the whole file. */
  line: number;
  /** The column's name in extract-format.md (an unknown column: as the header spells it), or `-` for the whole row or file. */
  column: string;
  message: string;
}

export interface FileSummary {
  added: number;
  updated: number;
  unchanged: number;
}

export interface ImportProgress {
  stage: 'reading' | 'checking' | 'writing';
  file: string;
  done: number;
  total: number;
}

/**
 * A file's rows as complete records: only for an extract with no problems, where every cell was read.
 * @example await repository.write(tx, 'children', completeRows(extract.children))
 */
export function completeRows<R>(file: ReadFile<R>): RowBatches<R> {
  return file.rows as unknown as RowBatches<R>;
}
