/** @module The cluster outcomes page's figures: which window indicators it shows, and the children behind one figure. */

/** The window indicators shown by cluster, and the one shown for the whole authority (it has no cluster dimension). */
export const clusterIndicatorIds = [
  'referrals.children',
  'referrals.families',
  'clusters.lac_started',
  'clusters.cp_registrations',
  'clusters.external_placements_started',
  'clusters.secure_started',
] as const;
export type ClusterIndicatorId = (typeof clusterIndicatorIds)[number];
export const outcomesIndicatorId = 'family_first.outcomes';
export type DrillableIndicatorId = ClusterIndicatorId | typeof outcomesIndicatorId;

/** Which figure: an indicator, the value of its dimension besides cluster (pathway, placement type, outcome; '' if none). */
export interface FigureQuery {
  from: string;
  to: string;
  cluster: string;
  /** Every cluster but `cluster` (the "all other clusters" column). */
  others: boolean;
  indicator: DrillableIndicatorId;
  dimension: string;
}

/**
 * One record behind a figure: a child, and the date and record that put them there. Counting these rows
 * gives the figure, except for families, where distinct `familyKey`s per cluster do.
 */
export interface FigureRecord {
  childId: string;
  forename: string | null;
  surname: string | null;
  dateOfBirth: string;
  familyKey: string;
  cluster: string;
  date: string;
}

/**
 * The figure a list of records makes: distinct (family, cluster) pairs for families, otherwise the rows.
 * @example figureFromRecords('referrals.families', [{ familyKey: 'family:F1', cluster: 'A', … }, { familyKey: 'family:F1', cluster: 'A', … }]) // 1
 */
export function figureFromRecords(indicator: DrillableIndicatorId, records: readonly FigureRecord[]): number {
  if (indicator === 'referrals.families') return new Set(records.map((r) => `${r.cluster}\u0000${r.familyKey}`)).size;
  return records.length;
}
