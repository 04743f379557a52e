/**
 * @module What a board paper needs from modules beyond the indicator figures (ADR 0013: the module declares it, the
 * composition root passes it): tables other modules publish for a paper, such as the quality report's Signs of Safety
 * evidence and the short-break flat's figures, already written for publication (their own disclosure rules applied).
 */
import type { ChartDescription } from '../../platform/documents/charts.js';
import type { WrittenTable } from '../reporting/publishTable.js';
import type { StatsOptions } from '../reporting/statsTypes.js';

/** A table another module offers for placing in a section, with its heading, a sentence on what it shows and a chart where it has one. */
export interface PlaceableTable {
  /** A block id, unique across every source (e.g. `quality-training-coverage`). */
  id: string;
  heading: string;
  lead: string;
  table: WrittenTable;
  chart?: ChartDescription;
}

/** One module's tables for an edition's period. */
export interface PlaceableTableSource {
  placeableTables(options: StatsOptions): Promise<PlaceableTable[]>;
}

/**
 * Every source's tables, in the order the sources are given.
 * @example await allPlaceableTables([qualitySource, shortBreakSource], options)
 */
export async function allPlaceableTables(sources: readonly PlaceableTableSource[], options: StatsOptions): Promise<PlaceableTable[]> {
  return (await Promise.all(sources.map((source) => source.placeableTables(options)))).flat();
}
