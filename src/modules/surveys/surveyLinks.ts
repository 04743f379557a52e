/** @module Single-use survey links: a random token for the URL, and the SHA-256 hash that is all Cairn keeps of it. */
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes as base64url: 43 characters, never guessable. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** @example newToken() // 'q3V…' (43 characters) */
export const newToken = () => randomBytes(32).toString('base64url');

/** @example tokenHash('abc') // 'ba7816bf…' (64 hex characters) */
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Whether `text` could be a token at all (anything else is answered like an unknown link, without a lookup). */
export const looksLikeToken = (text: unknown): text is string => typeof text === 'string' && tokenPattern.test(text);

/**
 * The CSV of links handed to the lead once: a header, then one URL per line (URLs need no quoting).
 * @example linksCsv(['https://cairn.example/survey/abc']) // 'Survey link\r\nhttps://cairn.example/survey/abc\r\n'
 */
export const linksCsv = (urls: readonly string[]) => ['Survey link', ...urls, ''].join('\r\n');
