import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('settings', () => {
  it('defaults to the embedded database in ./data with the demo on', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('./data');
    expect(config.loadDemo).toBe(true);
    expect(config.cookieSecure).toBe(true);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('refuses to start in production without a session secret or a database server, and never loads the demo there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET is required.*DATABASE_URL is required/);
    const production = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', DATABASE_URL: 'postgres://db/cairn' });
    expect(production.loadDemo).toBe(false);
  });

  it('names every invalid setting', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url' })).toThrow(/PORT.*DATABASE_URL|DATABASE_URL.*PORT/);
  });

  it('says in plain words what each wrong setting must be, and what it was given', () => {
    const problems = () => loadConfig({ PORT: 'eighty', CAIRN_DEMO: 'yes', LOG_LEVEL: 'loud', CAIRN_IDLE_TIMEOUT_MINUTES: '0', CAIRN_SIGN_IN_PER_MINUTE: '2.5', OIDC_ISSUER: 'login' });
    expect(problems).toThrow('PORT must be a whole number, at least 0, at most 65535 (not "eighty")');
    expect(problems).toThrow('CAIRN_DEMO must be true or false (or 1 or 0) (not "yes")');
    expect(problems).toThrow('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (not "loud")');
    expect(problems).toThrow('CAIRN_IDLE_TIMEOUT_MINUTES must be a number, more than 0 (not "0")');
    expect(problems).toThrow('CAIRN_SIGN_IN_PER_MINUTE must be a whole number, more than 0 (not "2.5")');
    expect(problems).toThrow(/OIDC_ISSUER must be a URL/);
    expect(() => loadConfig({ CAIRN_DEMO_TODAY: '2 December' })).toThrow('CAIRN_DEMO_TODAY must be a date like 2026-12-02');
    // Long enough to be random, and random enough (a secret of 31 different characters has the bits but not the length).
    expect(() => loadConfig({ SESSION_SECRET: 'abcdefghijklmnopqrstuvwxyz01234' })).toThrow('SESSION_SECRET must be at least 32 characters (it has 31)');
    expect(loadConfig({ SESSION_SECRET: 'abcdefghijklmnopqrstuvwxyz012345' }).sessionSecret).toBe('abcdefghijklmnopqrstuvwxyz012345');
  });

  it('reads numbers, flags and choices as given', () => {
    const config = loadConfig({ PORT: '0', CAIRN_DEMO: '0', CAIRN_COOKIE_SECURE: 'false', LOG_LEVEL: 'silent', CAIRN_IDLE_TIMEOUT_MINUTES: '2.5', CAIRN_IDLE_WARNING_MINUTES: '1', CAIRN_REFERRAL_DECISION_DAYS: '365', DATABASE_URL: 'postgres://root@127.0.0.1:5432/test' });
    expect(config).toMatchObject({ port: 0, loadDemo: false, cookieSecure: false, logLevel: 'silent', idleTimeoutMinutes: 2.5, idleWarningMinutes: 1, referralDecisionDays: 365, databaseUrl: 'postgres://root@127.0.0.1:5432/test' });
    expect(() => loadConfig({ CAIRN_REFERRAL_DECISION_DAYS: '366' })).toThrow(/at most 365/);
  });

  it('waits 30 s of quiet before working the figures out again unless told otherwise, never a negative time', () => {
    expect(loadConfig({}).figuresQuietSeconds).toBe(30);
    expect(loadConfig({ CAIRN_FIGURES_QUIET_SECONDS: '0' }).figuresQuietSeconds).toBe(0);
    expect(() => loadConfig({ CAIRN_FIGURES_QUIET_SECONDS: '-5' })).toThrow('CAIRN_FIGURES_QUIET_SECONDS must be a number, at least 0, at most 86400 (not "-5")');
  });

  it('needs all four single sign-on settings or none', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.org' })).toThrow(/single sign-on needs all of/);
    const config = loadConfig({ OIDC_ISSUER: 'https://login.example.org', OIDC_CLIENT_ID: 'cairn', OIDC_CLIENT_SECRET: 's', OIDC_REDIRECT_URI: 'https://cairn.example.org/sign-in/sso/callback' });
    expect(config.oidc?.clientId).toBe('cairn');
  });

  it('keeps the idle warning shorter than the timeout', () => {
    expect(() => loadConfig({ CAIRN_IDLE_TIMEOUT_MINUTES: '5', CAIRN_IDLE_WARNING_MINUTES: '5' })).toThrow(/WARNING_MINUTES must be less/);
  });

  it('checks the security settings of issue 16: trusted proxies, the secret’s entropy, and production limits', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ CAIRN_TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16' }).trustedProxies).toEqual(['10.0.0.5', '10.1.0.0/16']);
    expect(() => loadConfig({ CAIRN_TRUSTED_PROXIES: 'proxy.example.org' })).toThrow(/CAIRN_TRUSTED_PROXIES must list addresses/);
    expect(loadConfig({}).sessionMaxHours).toBe(10);
    expect(() => loadConfig({ SESSION_SECRET: 'a'.repeat(64) })).toThrow(/SESSION_SECRET is too predictable/);
    expect(() => loadConfig({ SESSION_SECRET: 'abababababababababababababababab' })).toThrow(/too predictable/);
    const production = { NODE_ENV: 'production', SESSION_SECRET: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', DATABASE_URL: 'postgres://db/cairn' };
    expect(() => loadConfig({ ...production, CAIRN_COOKIE_SECURE: 'false' })).toThrow(/CAIRN_COOKIE_SECURE=false is refused in production/);
    expect(() => loadConfig({ ...production, CAIRN_SIGN_IN_MAX_FAILURES: '1000', CAIRN_RATE_LIMIT_PER_MINUTE: '1000000' })).toThrow(/20 or fewer.*10000 or fewer/);
    expect(loadConfig({ ...production, CAIRN_COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
  });
});
