/** @module Typed settings from the environment; fails fast when a production setting is missing. */
import { environmentReader } from './environmentReader.js';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface Config {
  production: boolean;
  host: string;
  port: number;
  databaseUrl?: string;
  /** The owner's connection, which `cairn migrate` uses when it is set (the server never does). */
  databaseOwnerUrl?: string;
  dataDir: string;
  sessionSecret?: string;
  cookieSecure: boolean;
  idleTimeoutMinutes: number;
  idleWarningMinutes: number;
  /** Days a form's kept draft waits to be given back before it is dropped. */
  draftKeepDays: number;
  /** Seconds with no change to a counted record before the server works the default figures out again (ADR 0076). */
  figuresQuietSeconds: number;
  signInMaxFailures: number;
  signInLockoutMinutes: number;
  /** Requests per minute from one address before Cairn answers 429 (sign-in has its own, lower limit). */
  rateLimitPerMinute: number;
  /** Sign-in attempts per minute from one address before Cairn answers 429. */
  signInPerMinute: number;
  demoSeed: number;
  /** The day the demo's history runs to (default: the day it is loaded), so tests can pin the story. */
  demoToday?: string;
  /** Days after a referral arrives by which its pathway should be decided; later, it shows as overdue. */ referralDecisionDays: number;
  /** Load the demo authority into an empty database at start (default: on, except in production). */
  loadDemo: boolean;
  oidc?: OidcSettings;
  logLevel: (typeof logLevels)[number];
  /** Proxies whose X-Forwarded-For is believed; none means the socket's address is the client's. */
  trustedProxies: string[];
  /** A session ends this long after sign-in, however active (issue 16). */
  sessionMaxHours: number;
}

/** An IPv4 or IPv6 address, optionally with a /prefix. */
const proxyAddress = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]+)(?:\/\d{1,3})?$/;

/**
 * Roughly how many bits of randomness a secret carries: its length times the Shannon entropy of its characters.
 * @example secretBits('a'.repeat(64)) // 0
 */
export function secretBits(secret: string): number {
  const counts = new Map<string, number>();
  for (const character of secret) counts.set(character, (counts.get(character) ?? 0) + 1);
  let perCharacter = 0;
  for (const count of counts.values()) perCharacter -= (count / secret.length) * Math.log2(count / secret.length);
  return perCharacter * secret.length;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Read and check the settings. Throws `ConfigError` listing every problem.
 * @example const config = loadConfig(process.env)
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Read without zod (ADR 0069): every command reads the settings first, and loading zod took about 100 ms of each.
  const read = environmentReader(env);
  const e = {
    NODE_ENV: read.choice('NODE_ENV', ['development', 'production', 'test'] as const, 'development'),
    HOST: read.text('HOST') ?? '127.0.0.1',
    PORT: read.number('PORT', { fallback: 3000, whole: true, min: 0, max: 65535 }),
    DATABASE_URL: read.url('DATABASE_URL'),
    // Issue 16 item 3: the tables' owner, for `cairn migrate` only; the server connects with DATABASE_URL (ADR 0042).
    DATABASE_OWNER_URL: read.url('DATABASE_OWNER_URL'),
    CAIRN_DATA_DIR: read.text('CAIRN_DATA_DIR') ?? './data',
    SESSION_SECRET: read.text('SESSION_SECRET', 32),
    CAIRN_COOKIE_SECURE: read.flag('CAIRN_COOKIE_SECURE'),
    CAIRN_IDLE_TIMEOUT_MINUTES: read.number('CAIRN_IDLE_TIMEOUT_MINUTES', { fallback: 30, above: 0 }),
    CAIRN_IDLE_WARNING_MINUTES: read.number('CAIRN_IDLE_WARNING_MINUTES', { fallback: 5, above: 0 }),
    CAIRN_DRAFT_KEEP_DAYS: read.number('CAIRN_DRAFT_KEEP_DAYS', { fallback: 30, above: 0 }),
    CAIRN_FIGURES_QUIET_SECONDS: read.number('CAIRN_FIGURES_QUIET_SECONDS', { fallback: 30, min: 0, max: 24 * 60 * 60 }),
    CAIRN_SIGN_IN_MAX_FAILURES: read.number('CAIRN_SIGN_IN_MAX_FAILURES', { fallback: 5, whole: true, above: 0 }),
    CAIRN_SIGN_IN_LOCKOUT_MINUTES: read.number('CAIRN_SIGN_IN_LOCKOUT_MINUTES', { fallback: 15, above: 0 }),
    CAIRN_RATE_LIMIT_PER_MINUTE: read.number('CAIRN_RATE_LIMIT_PER_MINUTE', { fallback: 600, whole: true, above: 0 }),
    CAIRN_SIGN_IN_PER_MINUTE: read.number('CAIRN_SIGN_IN_PER_MINUTE', { fallback: 10, whole: true, above: 0 }),
    CAIRN_DEMO_SEED: read.number('CAIRN_DEMO_SEED', { fallback: 2021, whole: true }),
    CAIRN_DEMO_TODAY: read.matching('CAIRN_DEMO_TODAY', /^\d{4}-\d{2}-\d{2}$/, 'CAIRN_DEMO_TODAY must be a date like 2026-12-02'),
    CAIRN_REFERRAL_DECISION_DAYS: read.number('CAIRN_REFERRAL_DECISION_DAYS', { fallback: 7, whole: true, above: 0, max: 365 }),
    CAIRN_DEMO: read.flag('CAIRN_DEMO'),
    OIDC_ISSUER: read.url('OIDC_ISSUER'),
    OIDC_CLIENT_ID: read.text('OIDC_CLIENT_ID'),
    OIDC_CLIENT_SECRET: read.text('OIDC_CLIENT_SECRET'),
    OIDC_REDIRECT_URI: read.url('OIDC_REDIRECT_URI'),
    // Issue 16: the reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated).
    CAIRN_TRUSTED_PROXIES: read.text('CAIRN_TRUSTED_PROXIES'),
    CAIRN_SESSION_MAX_HOURS: read.number('CAIRN_SESSION_MAX_HOURS', { fallback: 10, above: 0, max: 24 * 7 }),
    LOG_LEVEL: read.choice('LOG_LEVEL', logLevels, 'info'),
  };
  if (read.problems.length) throw new ConfigError(`Cairn cannot start: ${read.problems.join('; ')}`);
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production && !e.SESSION_SECRET) problems.push('SESSION_SECRET is required in production');
  if (production && !e.DATABASE_URL) problems.push('DATABASE_URL is required in production (PGlite is for one machine)');
  if (e.DATABASE_OWNER_URL && !e.DATABASE_URL) problems.push('DATABASE_OWNER_URL is only for cairn migrate: set DATABASE_URL to the application role\'s connection too');
  if (production && e.CAIRN_DEMO) problems.push('CAIRN_DEMO must not be set in production: demo passwords are public');
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET, e.OIDC_REDIRECT_URI];
  const oidcSet = oidcParts.filter(Boolean).length;
  if (oidcSet > 0 && oidcSet < 4) {
    problems.push('single sign-on needs all of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI');
  }
  const trustedProxies = (e.CAIRN_TRUSTED_PROXIES ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  const badProxies = trustedProxies.filter((a) => !proxyAddress.test(a));
  if (badProxies.length) problems.push(`CAIRN_TRUSTED_PROXIES must list addresses or CIDR ranges; not ${badProxies.join(', ')}`);
  if (e.SESSION_SECRET && secretBits(e.SESSION_SECRET) < 128) problems.push('SESSION_SECRET is too predictable: use at least 32 random characters, e.g. openssl rand -hex 32');
  if (production && e.CAIRN_COOKIE_SECURE === false) problems.push('CAIRN_COOKIE_SECURE=false is refused in production: the session cookie must only travel over HTTPS');
  if (production && e.CAIRN_SIGN_IN_MAX_FAILURES > 20) problems.push('CAIRN_SIGN_IN_MAX_FAILURES must be 20 or fewer in production');
  if (production && e.CAIRN_SIGN_IN_LOCKOUT_MINUTES < 1) problems.push('CAIRN_SIGN_IN_LOCKOUT_MINUTES must be at least 1 in production');
  if (production && e.CAIRN_RATE_LIMIT_PER_MINUTE > 10_000) problems.push('CAIRN_RATE_LIMIT_PER_MINUTE must be 10000 or fewer in production');
  if (production && e.CAIRN_IDLE_TIMEOUT_MINUTES > 120) problems.push('CAIRN_IDLE_TIMEOUT_MINUTES must be 120 or fewer in production');
  if (e.CAIRN_IDLE_WARNING_MINUTES >= e.CAIRN_IDLE_TIMEOUT_MINUTES) {
    problems.push('CAIRN_IDLE_WARNING_MINUTES must be less than CAIRN_IDLE_TIMEOUT_MINUTES');
  }
  if (problems.length) throw new ConfigError(`Cairn cannot start: ${problems.join('; ')}`);
  return {
    production,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    ...(e.DATABASE_OWNER_URL ? { databaseOwnerUrl: e.DATABASE_OWNER_URL } : {}),
    dataDir: e.CAIRN_DATA_DIR,
    sessionSecret: e.SESSION_SECRET,
    cookieSecure: e.CAIRN_COOKIE_SECURE ?? true,
    idleTimeoutMinutes: e.CAIRN_IDLE_TIMEOUT_MINUTES,
    idleWarningMinutes: e.CAIRN_IDLE_WARNING_MINUTES,
    draftKeepDays: e.CAIRN_DRAFT_KEEP_DAYS,
    figuresQuietSeconds: e.CAIRN_FIGURES_QUIET_SECONDS,
    signInMaxFailures: e.CAIRN_SIGN_IN_MAX_FAILURES,
    signInLockoutMinutes: e.CAIRN_SIGN_IN_LOCKOUT_MINUTES,
    rateLimitPerMinute: e.CAIRN_RATE_LIMIT_PER_MINUTE,
    signInPerMinute: e.CAIRN_SIGN_IN_PER_MINUTE,
    demoSeed: e.CAIRN_DEMO_SEED,
    ...(e.CAIRN_DEMO_TODAY ? { demoToday: e.CAIRN_DEMO_TODAY } : {}),
    referralDecisionDays: e.CAIRN_REFERRAL_DECISION_DAYS,
    loadDemo: e.CAIRN_DEMO ?? !production,
    oidc:
      oidcSet === 4
        ? {
            issuer: e.OIDC_ISSUER!,
            clientId: e.OIDC_CLIENT_ID!,
            clientSecret: e.OIDC_CLIENT_SECRET!,
            redirectUri: e.OIDC_REDIRECT_URI!,
          }
        : undefined,
    logLevel: e.LOG_LEVEL,
    trustedProxies,
    sessionMaxHours: e.CAIRN_SESSION_MAX_HOURS,
  };
}
