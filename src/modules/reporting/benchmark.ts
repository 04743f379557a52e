/** @module Published comparator figures, as the figures and reports use them. */

/** One published figure for a comparator area (benchmarks.csv). */
export interface Benchmark {
  year: number;
  indicator: string;
  area: string;
  value: number;
}

/** Where published comparator figures come from (the benchmarks module). */
export interface BenchmarkSource {
  forIndicators(indicatorIds: readonly string[]): Promise<Benchmark[]>;
  /** The tables `forIndicators` reads, for keeps of what is made from them (ADR 0076). */
  readonly tablesRead: readonly string[];
}
