import { defineConfig } from 'vitest/config';

// One suite for both engines: set DATABASE_URL to run it against PostgreSQL, leave it unset for PGlite.
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'integration', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['e2e/**/*.spec.ts'], poolOptions: { forks: { singleFork: true } } },
      },
    ],
  },
});
