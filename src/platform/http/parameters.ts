/** @module What a well-formed parameter in a path or form looks like, checked before anything is looked up. */

/** Cairn ids (children, referrals, maps…): letters, numbers, full stops, hyphens, underscores or slashes, at most 64. */
export const recordIdPattern = /^[A-Za-z0-9._/-]{1,64}$/;

/** @example isRecordId('C001149') // true; isRecordId('C1\u0000') // false */
export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && recordIdPattern.test(value);
}

/** True when any text anywhere in a value (a string, array or object of them) holds a NUL or other C0 control other than tab and newlines. */
export function holdsControlCharacter(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value);
  // Files (Buffers) are checked by what reads them; forms are flat, so a few levels are all there are.
  if (depth > 4 || !value || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((item) => holdsControlCharacter(item, depth + 1));
  return Object.entries(value).some(([key, item]) => holdsControlCharacter(key) || holdsControlCharacter(item, depth + 1));
}
