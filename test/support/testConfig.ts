/** @module Settings for tests: quiet logs, short idle timeout where a test asks for it, cookies usable over http. */
import type { Config } from '../../src/platform/config.js';
import { loadConfig } from '../../src/platform/config.js';

export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'a-test-session-secret-that-is-long-enough-0123456789',
    CAIRN_COOKIE_SECURE: 'false',
    LOG_LEVEL: 'silent',
    CAIRN_DEMO: 'false',
    // The demo's story as generated for the seed report (its default reference date), whatever day the tests run.
    CAIRN_DEMO_TODAY: '2022-10-31',
  });
  return { ...base, ...overrides };
}
