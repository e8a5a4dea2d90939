/**
 * Migrations are listed in code rather than read from a folder, so they ship inside the
 * compiled package and run the same under tsx, Vitest and `node dist/`.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { RepertoireError } from '../../errors.js';
import type { StoreDialect } from '../dialect.js';
import type { Database } from '../tables.js';
import { initialMigration } from './0001_initial.js';
import { censusMigration } from './0002_census.js';
import { siteIndexesMigration } from './0003_site_indexes.js';
import { signInGatesMigration } from './0004_sign_in_gates.js';
import { preSessionsMigration } from './0005_pre_sessions.js';
import { acrossDirectoriesMigration } from './0006_across_directories.js';
import { partnerFindingMigration } from './0007_partner_finding.js';
import { editorialQualityMigration } from './0008_editorial_quality.js';
import { mailMigration } from './0010_mail.js';
import { partnerNoticesMigration } from './0011_partner_notices.js';
import { userLanguageMigration } from './0012_user_language.js';
import { domainAliasesMigration } from './0013_domain_aliases.js';
import { userLanguageChoiceMigration } from './0014_user_language_choice.js';

function migrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001_initial': initialMigration(dialect),
    '0002_census': censusMigration(dialect),
    '0003_site_indexes': siteIndexesMigration(),
    '0004_sign_in_gates': signInGatesMigration(),
    '0005_pre_sessions': preSessionsMigration(),
    '0006_across_directories': acrossDirectoriesMigration(),
    '0007_partner_finding': partnerFindingMigration(),
    '0008_editorial_quality': editorialQualityMigration(),
    '0010_mail': mailMigration(),
    '0011_partner_notices': partnerNoticesMigration(),
    '0012_user_language': userLanguageMigration(),
    '0013_domain_aliases': domainAliasesMigration(),
    '0014_user_language_choice': userLanguageChoiceMigration(),
  };
}

/** The names of every migration, in order (what a current store's migration table lists). */
export function migrationNames(dialect: StoreDialect): string[] {
  return Object.keys(migrations(dialect)).sort();
}

/** Brings the schema up to date; returns the names of the migrations it ran (none when current). */
export async function migrateToLatest(db: Kysely<Database>, dialect: StoreDialect): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new RepertoireError('store', `migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, 500, {
      cause: error,
    });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** The migrations this code knows that the store has not run (all of them for an empty store), without running any. */
export async function missingMigrations(db: Kysely<Database>, dialect: StoreDialect): Promise<string[]> {
  let ran: Set<string>;
  try {
    const rows = await new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) } }).getMigrations();
    ran = new Set(rows.filter((row) => row.executedAt !== undefined).map((row) => row.name));
  } catch {
    ran = new Set(); // no migration table: an empty store
  }
  return migrationNames(dialect).filter((name) => !ran.has(name));
}
