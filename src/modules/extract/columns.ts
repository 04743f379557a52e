/** @module The columns of every extract file, as extract-format.md v1 lists them: which are required and what each cell may hold. */
import type { ExtractFileKind, ExtractRecords } from './extract.js';
import { disabilityCodes, sexCodes } from '../../platform/codes/childCodes.js';
import { pathways as referralPathways, referralSources } from '../../platform/codes/referralCodes.js';
import { legalReasons, placementTypes, providerTypes, reasonsEnded } from '../../platform/codes/careCodes.js';
import { concernCodes as areasOfConcern, deregistrationReasons } from '../../platform/codes/protectionCodes.js';
import { scraGrounds } from '../../platform/codes/reporterCodes.js';

/** What one cell may hold. `what` names a code's kind in the users' words, for messages. */
export type CellRule =
  | { kind: 'id' }
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'code'; codes: readonly string[]; what: string }
  | { kind: 'codeList'; codes: readonly string[]; what: string }
  | { kind: 'money' }
  | { kind: 'year' }
  | { kind: 'count' }
  | { kind: 'number' }
  | { kind: 'flag' };

/** The rules a value of type V may be read with (so a date column cannot be given a number rule by mistake). */
type CellRuleFor<V> = V extends string[]
  ? Extract<CellRule, { kind: 'codeList' }>
  : V extends string
    ? Extract<CellRule, { kind: 'id' | 'text' | 'date' | 'code' }>
    : V extends number
      ? Extract<CellRule, { kind: 'money' | 'year' | 'count' | 'number' }>
      : V extends boolean
        ? Extract<CellRule, { kind: 'flag' }>
        : never;

export interface ColumnRule<V> {
  required: boolean;
  cell: CellRuleFor<NonNullable<V>>;
}

export interface FileRule<R> {
  /** What one row is, in the users' words: `there is no child C9`. */
  noun: string;
  /** The columns that together identify a row, unique within the file. */
  key: readonly (keyof R & string)[];
  /** Every column, in extract-format.md's order. */
  columns: { [C in keyof R & string]-?: ColumnRule<R[C]> };
  /** A start and end date in the same row: the end may not be before the start (equal is a zero-length record). */
  ordered?: { start: keyof R & string; end: keyof R & string };
  /** authority.csv describes the one authority the extract belongs to. */
  exactlyOneRow?: boolean;
}

const id = { kind: 'id' } as const;
const text = { kind: 'text' } as const;
const date = { kind: 'date' } as const;
const required = true;
const optional = false;

/** Every file's rules. */
export const fileRules: { [K in ExtractFileKind]: FileRule<ExtractRecords[K]> } = {
  authority: {
    noun: 'authority',
    key: ['authority_code'],
    exactlyOneRow: true,
    columns: {
      authority_code: { required, cell: text },
      authority_name: { required, cell: text },
    },
  },
  population: {
    noun: 'population estimate',
    key: ['year'],
    columns: {
      year: { required, cell: { kind: 'year' } },
      age_0_17: { required, cell: { kind: 'count' } },
    },
  },
  children: {
    noun: 'child',
    key: ['child_id'],
    columns: {
      child_id: { required, cell: id },
      family_id: { required: optional, cell: id },
      forename: { required: optional, cell: text },
      surname: { required: optional, cell: text },
      date_of_birth: { required, cell: date },
      sex: { required: optional, cell: { kind: 'code', codes: sexCodes, what: 'sex' } },
      ethnicity: { required: optional, cell: text },
      disability: { required: optional, cell: { kind: 'code', codes: disabilityCodes, what: 'disability' } },
      school_cluster: { required: optional, cell: text },
      locality: { required: optional, cell: text },
    },
  },
  cases: {
    noun: 'case',
    key: ['case_id'],
    ordered: { start: 'opened_date', end: 'closed_date' },
    columns: {
      case_id: { required, cell: id },
      child_id: { required, cell: id },
      team: { required: optional, cell: text },
      worker_id: { required: optional, cell: text },
      opened_date: { required, cell: date },
      closed_date: { required: optional, cell: date },
    },
  },
  referrals: {
    noun: 'referral',
    key: ['referral_id'],
    ordered: { start: 'received_date', end: 'closed_date' },
    columns: {
      referral_id: { required, cell: id },
      child_id: { required, cell: id },
      received_date: { required, cell: date },
      source: { required: optional, cell: { kind: 'code', codes: referralSources, what: 'referral source' } },
      reason: { required: optional, cell: text },
      // Stored as given: the fall-back to the child's cluster is applied when counting (indicators.md), so an
      // export gives back what was imported.
      school_cluster: { required: optional, cell: text },
      pathway: { required, cell: { kind: 'code', codes: referralPathways, what: 'pathway' } },
      closed_date: { required: optional, cell: date },
    },
  },
  looked_after: {
    noun: 'episode',
    key: ['episode_id'],
    ordered: { start: 'start_date', end: 'end_date' },
    columns: {
      episode_id: { required, cell: id },
      child_id: { required, cell: id },
      start_date: { required, cell: date },
      end_date: { required: optional, cell: date },
      legal_reason: { required, cell: { kind: 'code', codes: legalReasons, what: 'legal reason' } },
      reason_ended: { required: optional, cell: { kind: 'code', codes: reasonsEnded, what: 'reason ended' } },
    },
  },
  placements: {
    noun: 'placement',
    key: ['placement_id'],
    ordered: { start: 'start_date', end: 'end_date' },
    columns: {
      placement_id: { required, cell: id },
      episode_id: { required, cell: id },
      child_id: { required, cell: id },
      start_date: { required, cell: date },
      end_date: { required: optional, cell: date },
      placement_type: { required, cell: { kind: 'code', codes: placementTypes, what: 'placement type' } },
      provider_id: { required: optional, cell: id },
      out_of_authority: { required: optional, cell: { kind: 'flag' } },
      weekly_cost: { required: optional, cell: { kind: 'money' } },
    },
  },
  providers: {
    noun: 'provider',
    key: ['provider_id'],
    columns: {
      provider_id: { required, cell: id },
      name: { required, cell: text },
      provider_type: { required, cell: { kind: 'code', codes: providerTypes, what: 'provider type' } },
    },
  },
  cp_registrations: {
    noun: 'registration',
    key: ['registration_id'],
    ordered: { start: 'registered_date', end: 'deregistered_date' },
    columns: {
      registration_id: { required, cell: id },
      child_id: { required, cell: id },
      registered_date: { required, cell: date },
      deregistered_date: { required: optional, cell: date },
      concerns: { required: optional, cell: { kind: 'codeList', codes: areasOfConcern, what: 'area of concern' } },
      deregistration_reason: { required: optional, cell: { kind: 'code', codes: deregistrationReasons, what: 'deregistration reason' } },
    },
  },
  scra_referrals: {
    noun: 'referral to the Reporter',
    key: ['scra_referral_id'],
    columns: {
      scra_referral_id: { required, cell: id },
      child_id: { required, cell: id },
      referral_date: { required, cell: date },
      ground: { required, cell: { kind: 'code', codes: scraGrounds, what: 'section 67(2) ground' } },
    },
  },
  benchmarks: {
    noun: 'benchmark',
    key: ['year', 'indicator', 'area'],
    columns: {
      year: { required, cell: { kind: 'year' } },
      indicator: { required, cell: text },
      area: { required, cell: text },
      value: { required, cell: { kind: 'number' } },
    },
  },
};
