/**
 * @module The session cookie's encryption key, derived from the session secret exactly as @fastify/secure-session
 * derives it from `secret` and `salt` (libsodium's Argon2id at its moderate limits), but once a process: the
 * derivation is deliberately slow (one to two seconds here), and every app built in one process with the same secret
 * (each test file) would otherwise pay it again. The same key, so cookies sealed before still open.
 */
import sodium from 'sodium-native';

/** Keys derived in this process, by salt and secret. */
const derived = new Map<string, Buffer>();

/**
 * The 32-byte key for `secret` (at least 32 bytes) and `salt` (16 bytes).
 * @example await app.register(secureSession, { key: sessionKey(secret, 'cairn-session-v1') })
 */
export function sessionKey(secret: string, salt: string): Buffer {
  const saltBytes = Buffer.from(salt, 'ascii');
  if (Buffer.byteLength(secret) < 32) throw new Error('The session secret must be at least 32 bytes');
  if (saltBytes.length !== sodium.crypto_pwhash_SALTBYTES) throw new Error(`The session salt must be ${sodium.crypto_pwhash_SALTBYTES} bytes`);
  const name = `${salt}\u0000${secret}`;
  const known = derived.get(name);
  if (known) return known;
  const key = Buffer.alloc(sodium.crypto_secretbox_KEYBYTES);
  sodium.crypto_pwhash(key, Buffer.from(secret), saltBytes, sodium.crypto_pwhash_OPSLIMIT_MODERATE, sodium.crypto_pwhash_MEMLIMIT_MODERATE, sodium.crypto_pwhash_ALG_DEFAULT);
  derived.set(name, key);
  return key;
}
