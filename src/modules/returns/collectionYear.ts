/** @module A collection year of the statutory returns: 1 August to 31 July, written `2021-22`. */

export interface CollectionYear {
  /** `2021-22` */
  label: string;
  /** The first day of the year: 1 August. */
  start: string;
  /** The census date and last day of the year: 31 July. */
  census: string;
  /** The year of the census date (the population year the rate per 1,000 uses). */
  censusYear: number;
  /** The first day after the year: 1 August next. */
  after: string;
}

/**
 * The collection year `2021-22` (1 August 2021 – 31 July 2022), or undefined when `label` is not one.
 * @example collectionYear('2021-22')?.census // '2022-07-31'
 */
export function collectionYear(label: string): CollectionYear | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  if (!match) return undefined;
  const first = Number(match[1]);
  if ((first + 1) % 100 !== Number(match[2])) return undefined;
  return { label, start: `${first}-08-01`, census: `${first + 1}-07-31`, censusYear: first + 1, after: `${first + 1}-08-01` };
}

/**
 * The collection year a date falls in.
 * @example collectionYearOf('2022-07-31').label // '2021-22'
 */
export function collectionYearOf(date: string): CollectionYear {
  const year = Number(date.slice(0, 4));
  const first = date.slice(5) >= '08-01' ? year : year - 1;
  return collectionYear(`${first}-${String((first + 1) % 100).padStart(2, '0')}`)!;
}
