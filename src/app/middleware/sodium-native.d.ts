/** @module The parts of sodium-native (which ships no types) that the session key uses: libsodium's password hash. */
declare module 'sodium-native' {
  const sodium: {
    crypto_secretbox_KEYBYTES: number;
    crypto_pwhash_SALTBYTES: number;
    crypto_pwhash_OPSLIMIT_MODERATE: number;
    crypto_pwhash_MEMLIMIT_MODERATE: number;
    crypto_pwhash_ALG_DEFAULT: number;
    crypto_pwhash(output: Buffer, password: Buffer, salt: Buffer, opslimit: number, memlimit: number, algorithm: number): void;
  };
  export default sodium;
}
