/**
 * @module A list of codes with the words people read for each: written once here, used by forms, pages, the importer,
 * the demo and the reports, and checked against the database's CHECK constraints by a test.
 */

/** A code list: its codes in order, their labels, and a type guard. */
export interface CodeList<C extends string> {
  readonly codes: readonly [C, ...C[]];
  readonly labels: Readonly<Record<C, string>>;
  /** The code's label; an unknown code made readable; '' for none. */
  label(code: string | null | undefined): string;
  has(code: unknown): code is C;
}

/**
 * A code made readable when it has no label.
 * @example readableCode('stepped_down_universal') // 'Stepped down universal'
 */
export function readableCode(code: string | null | undefined): string {
  return code ? code.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) : '';
}

/**
 * A code list from its codes and labels, in order.
 * @example const sex = codeList({ M: 'Male', F: 'Female' }); sex.codes // ['M', 'F']; sex.label('F') // 'Female'
 */
export function codeList<const L extends Record<string, string>>(labels: L): CodeList<keyof L & string> {
  type C = keyof L & string;
  const codes = Object.keys(labels) as C[];
  if (codes.length === 0) throw new Error('A code list needs at least one code');
  return {
    codes: codes as [C, ...C[]],
    labels: labels as Readonly<Record<C, string>>,
    label: (code) => (code ? ((labels as Record<string, string>)[code] ?? readableCode(code)) : ''),
    has: (code): code is C => typeof code === 'string' && Object.hasOwn(labels, code),
  };
}
