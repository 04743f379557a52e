/** @module The middle value (the lower of the two middles for an even count), as the page benchmarks report it. */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
