/** @module Password hashing with argon2id (OWASP's recommended parameters). */
import { hash, verify, Algorithm } from '@node-rs/argon2';
import { isCommonPassword } from './commonPasswords.js';

const options = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** @example const stored = await hashPassword('correct horse battery staple') */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** True when `password` matches the stored hash; false (never throws) for a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A password policy people can meet: length over complexity, and none of the most common passwords (NCSC guidance).
 * Every place a password is set asks this: the add-a-user form, `cairn users add` and the user service itself.
 * @example passwordProblem('password1234') // 'Password is too common: …'
 */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 12) return 'Password must be at least 12 characters';
  if (password.length > 256) return 'Password must be 256 characters or fewer';
  if (isCommonPassword(password)) return 'Password is too common: choose one that is not on lists of passwords people often use';
  return undefined;
}
