/**
 * PostgreSQL's side of the search index: the `repertoire_fr` text-search configuration and
 * `search_pg_docs`, one row per indexed document with its index terms, a generated `tsvector`
 * under a GIN index, its facet profile codes and its sort keys; `search_pg_facets`, the same
 * rows without the text. Derived data, like
 * the other `search_*` tables: created by the search module when it builds, not by migrations.
 *
 * The text given to `to_tsvector` is already our French normaliser's stems (../text.ts), so the
 * configuration only has to keep them: `unaccent` (a filter, a no-op on folded stems but a
 * guard for anything else) then `simple`, no stop words. See docs/decisions/0004-postgres-search.md.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { FACET_GROUPS } from '../build.js';

export const TS_CONFIG = 'repertoire_fr';

/** The columns of the facet groups' profile codes: code0, code1, … */
export const CODE_COLUMNS = FACET_GROUPS.map((_, g) => `code${g}`);

/** The token types of PostgreSQL's parser that can appear in a text of stems (letters, digits). */
const TOKEN_TYPES = 'asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart';

export async function ensurePostgresSearch(db: Kysely<Database>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = ${sql.lit(TS_CONFIG)}) THEN
        CREATE TEXT SEARCH CONFIGURATION ${sql.raw(TS_CONFIG)} (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION ${sql.raw(TS_CONFIG)} ALTER MAPPING FOR ${sql.raw(TOKEN_TYPES)} WITH unaccent, simple;
      END IF;
    END $$`.execute(db);
  const codes = sql.raw(CODE_COLUMNS.map((c) => `${c} INTEGER NOT NULL`).join(', '));
  const config = sql.raw(`'${TS_CONFIG}'::regconfig`);
  await sql`CREATE TABLE IF NOT EXISTS search_pg_docs (
      directory_id TEXT NOT NULL, doc INTEGER NOT NULL, ${codes},
      date_key INTEGER NOT NULL, sort_name TEXT COLLATE "C" NOT NULL,
      terms TEXT NOT NULL, title_terms TEXT NOT NULL,
      tsv tsvector GENERATED ALWAYS AS (to_tsvector(${config}, terms)) STORED,
      title_tsv tsvector GENERATED ALWAYS AS (to_tsvector(${config}, title_terms)) STORED,
      PRIMARY KEY (directory_id, doc))`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS search_pg_docs_tsv ON search_pg_docs USING GIN (tsv)`.execute(db);
  // the same codes and keys without the text: what a search without words reads
  await sql`CREATE TABLE IF NOT EXISTS search_pg_facets (
      directory_id TEXT NOT NULL, doc INTEGER NOT NULL, ${codes},
      date_key INTEGER NOT NULL, sort_name TEXT COLLATE "C" NOT NULL, PRIMARY KEY (directory_id, doc))`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS search_pg_facets_date ON search_pg_facets (directory_id, date_key DESC, doc)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS search_pg_facets_name ON search_pg_facets (directory_id, sort_name, doc)`.execute(db);
  for (const column of CODE_COLUMNS) {
    await sql`CREATE INDEX IF NOT EXISTS ${sql.id(`search_pg_facets_${column}`)} ON search_pg_facets (directory_id, ${sql.ref(column)})`.execute(db);
  }
  await sql`CREATE INDEX IF NOT EXISTS search_pg_docs_date ON search_pg_docs (directory_id, date_key DESC, doc)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS search_pg_docs_name ON search_pg_docs (directory_id, sort_name, doc)`.execute(db);
}
