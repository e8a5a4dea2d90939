import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { findPostgres } from './src/test-support/postgres-setup.js';

/** What a test calls to open the site over a store (src/web/testing.ts and the helpers built on it). */
const OPENS_A_SITE = /\b(?:open(?:Test|Members|Browser)|servedTest)Site\(/;

/** The test files that open the site: they run a second time with the site's store on PostgreSQL. */
function siteTests(folder = 'src'): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return siteTests(path);
    return entry.name.endsWith('.test.ts') && OPENS_A_SITE.test(readFileSync(path, 'utf8')) ? [path] : [];
  });
}

export default defineConfig(async (): Promise<ViteUserConfig> => {
  // The store tests run on both engines by themselves (src/test-support/engines.ts); the site's
  // tests open one store each, so the whole site is tested on PostgreSQL by running them again
  // there — with both directories, as on SQLite. Without a server (outside CI) they run once.
  const postgres = (await findPostgres()).url !== undefined;
  const sqlite = { extends: true as const, test: { name: 'sqlite', include: ['src/**/*.test.ts', 'bench/**/*.test.ts'] } };
  const sitesOnPostgres = { extends: true as const, test: { name: 'sites on postgres', include: siteTests(), env: { TEST_SITE_ENGINE: 'postgres' } } };
  return {
    test: {
      // Tests load better-sqlite3, a native addon: child processes isolate it more safely than worker threads.
      pool: 'forks',
      testTimeout: 20_000,
      // Finds the PostgreSQL server, so that store tests run on both engines (see engines.ts).
      globalSetup: ['src/test-support/postgres-setup.ts'],
      projects: postgres ? [sqlite, sitesOnPostgres] : [sqlite],
    },
  };
});
