import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    // Tests open real SQLite files in temp dirs and spawn the CLI; threads keep them isolated.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
