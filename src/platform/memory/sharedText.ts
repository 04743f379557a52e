/**
 * @module One string for each value. A database driver gives every row its own copy of each text value, so records
 * read by the hundred thousand hold the same team, code, name or child's id over and over — a large authority's
 * returns records held a hundred megabytes, half of it such copies (ADR 0074). Shared, each value is held once.
 */

/** The fields of `Row` that hold text (or null). */
export type TextField<Row> = { [Field in keyof Row]: Row[Field] extends string | null ? Field : never }[keyof Row] & string;

/** Strings handed out by one `sharedText()`, one for each value it has seen. */
export interface SharedText {
  /** The string this pool holds for `text` (`text` itself the first time it is seen). */
  share(text: string): string;
  /** Put in each of `fields` of every row the pool's string for its value (nulls stay null). */
  fields<Row extends object>(rows: readonly Row[], fields: readonly TextField<Row>[]): void;
  /** How many different values the pool holds. */
  readonly size: number;
}

/**
 * A pool of strings for one piece of work (say, one read of the returns' records): values seen by it are held
 * once, whichever row or table they came from. The pool itself is let go with the work; the strings stay with the rows.
 * @example const text = sharedText(); text.fields(cases, ['childId', 'team', 'workerId'])
 */
export function sharedText(): SharedText {
  const strings = new Map<string, string>();
  const share = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  return {
    share,
    fields(rows, fields) {
      for (const row of rows) {
        const record = row as Record<string, unknown>;
        for (const field of fields) {
          const value = record[field];
          if (typeof value === 'string') record[field] = share(value);
        }
      }
    },
    get size() {
      return strings.size;
    },
  };
}
