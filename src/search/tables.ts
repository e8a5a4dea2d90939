/**
 * The search index's own tables. They are derived data (rebuilt from the store by
 * `rebuildSearchIndex`), so they are created here rather than by the store's migrations.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { INDEX_VERSION } from './types.js';

export interface SearchDocTable {
  directory_id: string;
  /** the document's number in the index: bit `doc` of every posting bitset */
  doc: number;
  type: string;
  record_id: string;
  /** a project's partnership; a notice's collectivity (results.ts `hitsInOrder`) */
  partnership_id: string | null;
  title: string;
  subtitle: string;
  date: string | null;
  pad: number | null;
  /** the original text excerpts are cut from */
  body: string;
  /** the title folded, for sorting by name */
  sort_name: string;
}

export interface SearchTermTable {
  directory_id: string;
  /** a stem (see text.ts) */
  term: string;
  /** documents holding it */
  df: number;
  /** a spelling of it as found in the text (folded), for suggestions */
  surface: string;
  kind: number;
  postings: Uint8Array;
  title_kind: number | null;
  title_postings: Uint8Array | null;
}

export interface SearchPrefixTable {
  directory_id: string;
  prefix: string;
  kind: number;
  postings: Uint8Array;
  title_kind: number | null;
  title_postings: Uint8Array | null;
}

export interface SearchMetaTable {
  directory_id: string;
  key: string;
  value: Uint8Array | string;
}

/** A document re-made since the build (delta/make.ts): its number in the base, and what the searchers need of it (JSON, delta/overlay.ts `DeltaDoc`). */
export interface SearchDeltaTable {
  directory_id: string;
  doc: number;
  entry: string;
}

/** A build's per-document tallies (tally.ts), in a few rows of bytes: read only when a search's statistics are asked for. */
export interface SearchTallyTable {
  directory_id: string;
  key: string;
  value: Uint8Array;
}

// a type alias, not an interface: Kysely's withTables wants an indexable type
export type SearchTables = {
  search_docs: SearchDocTable;
  search_terms: SearchTermTable;
  search_prefixes: SearchPrefixTable;
  search_meta: SearchMetaTable;
  search_delta: SearchDeltaTable;
  search_tallies: SearchTallyTable;
};

export type SearchDb = Kysely<Database & SearchTables>;

/** Whether the store is PostgreSQL (the index's bytes are `bytea` there, `BLOB` in SQLite). */
export function onPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function ensureSearchTables(db: Kysely<Database>): Promise<void> {
  const BLOB = sql.raw(onPostgres(db) ? 'BYTEA' : 'BLOB');
  const statements = [
    sql`CREATE TABLE IF NOT EXISTS search_docs (
      directory_id TEXT NOT NULL, doc INTEGER NOT NULL, type TEXT NOT NULL, record_id TEXT NOT NULL,
      partnership_id TEXT, title TEXT NOT NULL, subtitle TEXT NOT NULL, date TEXT, pad INTEGER,
      body TEXT NOT NULL, sort_name TEXT NOT NULL, PRIMARY KEY (directory_id, doc))`,
    sql`CREATE TABLE IF NOT EXISTS search_terms (
      directory_id TEXT NOT NULL, term TEXT NOT NULL, df INTEGER NOT NULL, surface TEXT NOT NULL,
      kind INTEGER NOT NULL, postings ${BLOB} NOT NULL, title_kind INTEGER, title_postings ${BLOB},
      PRIMARY KEY (directory_id, term))`,
    sql`CREATE TABLE IF NOT EXISTS search_prefixes (
      directory_id TEXT NOT NULL, prefix TEXT NOT NULL, kind INTEGER NOT NULL, postings ${BLOB} NOT NULL,
      title_kind INTEGER, title_postings ${BLOB}, PRIMARY KEY (directory_id, prefix))`,
    sql`CREATE TABLE IF NOT EXISTS search_meta (
      directory_id TEXT NOT NULL, key TEXT NOT NULL, value ${BLOB} NOT NULL, PRIMARY KEY (directory_id, key))`,
    sql`CREATE TABLE IF NOT EXISTS search_tallies (
      directory_id TEXT NOT NULL, key TEXT NOT NULL, value ${BLOB} NOT NULL, PRIMARY KEY (directory_id, key))`,
    sql`CREATE TABLE IF NOT EXISTS search_delta (
      directory_id TEXT NOT NULL, doc INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (directory_id, doc))`,
    // a changed record's document, found by the delta without a scan of the directory's documents
    sql`CREATE INDEX IF NOT EXISTS search_docs_record_idx ON search_docs (directory_id, record_id, type)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

/** `search_meta` key of the store stamp (see web/data/directory.ts `readStamp`) the index was built from. */
const SOURCE_STAMP = 'source_stamp';


/** Records which state of the store the directory's index was built from. */
export async function writeSourceStamp(db: Kysely<Database>, directoryId: string, stamp: string): Promise<void> {
  const search = db.withTables<SearchTables>();
  await search.deleteFrom('search_meta').where('directory_id', '=', directoryId).where('key', '=', SOURCE_STAMP).execute();
  await search.insertInto('search_meta').values({ directory_id: directoryId, key: SOURCE_STAMP, value: Buffer.from(`${INDEX_VERSION} ${stamp}`) }).execute();
}

/** The store stamp the directory's index was built from; undefined when unknown (no index yet, or built by an older version). */
export async function readSourceStamp(db: Kysely<Database>, directoryId: string): Promise<string | undefined> {
  try {
    const row = await db
      .withTables<SearchTables>()
      .selectFrom('search_meta')
      .select('value')
      .where('directory_id', '=', directoryId)
      .where('key', '=', SOURCE_STAMP)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const [version, ...stamp] = Buffer.from(row.value).toString('utf8').split(' ');
    return version === String(INDEX_VERSION) ? stamp.join(' ') : undefined;
  } catch {
    return undefined; // the index tables do not exist yet
  }
}
