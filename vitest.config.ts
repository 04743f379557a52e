import { defineConfig } from 'vitest/config';

// One suite for both engines: set DATABASE_URL to run it against PostgreSQL, leave it unset for PGlite.
export default defineConfig({
  test: {
    pool: 'forks',
    // Two files at a time (vitest's default is one fewer than the cores: one, on a 2-core machine). Every file has
    // a database of its own, copied from one template migrated once per run (test/support/databaseTemplate.ts).
    maxWorkers: 2,
    // Files share their worker's process and loaded modules (ADR 0057): no file mocks a module or changes the
    // environment, every file builds its own services over its own database, and a file that adds a role takes it
    // back. Given here, for the pool: a project's own `isolate: false` (or its own poolOptions) is not passed on to
    // the forks pool in vitest 3.2, and each file got a fresh process that loaded the app afresh.
    poolOptions: { forks: { isolate: false } },
    globalSetup: ['test/support/databaseTemplate.ts'],
    // Generous: commands that start PGlite in a process of their own take several seconds on a busy 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'integration', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
      },
      {
        extends: true,
        // A journey through Chromium is many pages: minutes on a busy 2-core machine, so one limit for all of them.
        // Two specs at a time, like the integration files: each has its own server, database and Chromium, and a
        // spec spends much of its time waiting on the other processes (ADR 0053).
        test: { name: 'browser', include: ['e2e/**/*.spec.ts'], testTimeout: 300_000 },
      },
    ],
  },
});
