import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    // Tests load better-sqlite3, a native addon: child processes isolate it more safely than worker threads.
    pool: 'forks',
    testTimeout: 20_000,
    // Finds the PostgreSQL server, so that store tests run on both engines (see engines.ts).
    globalSetup: ['src/test-support/postgres-setup.ts'],
  },
});
