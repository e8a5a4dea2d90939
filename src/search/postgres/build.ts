/**
 * Building a directory's index on PostgreSQL: the same build as SQLite's (../build.ts: the
 * documents, the facet catalogue and profiles, the terms with their frequencies for ranking
 * and suggestions), plus a `search_pg_docs` row per document for PostgreSQL's full text, all
 * in one transaction.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { rebuildSearchIndex, type IndexWords, type IndexedDocument } from '../build.js';
import { indexTerms } from '../text.js';
import { CODE_COLUMNS, ensurePostgresSearch } from './schema.js';

/** A text's distinct index terms, space-separated: what `to_tsvector` reads. */
function termText(text: string, into: Set<string> = new Set()): string {
  for (const term of indexTerms(text)) into.add(term);
  return [...into].join(' ');
}

function row(directoryId: string, document: IndexedDocument): Record<string, unknown> {
  const titleTerms = new Set<string>();
  const title = termText(document.title, titleTerms);
  const out: Record<string, unknown> = {
    directory_id: directoryId,
    doc: document.doc,
    date_key: document.dateKey,
    sort_name: document.sortName,
    title_terms: title,
    terms: termText(document.text, new Set(titleTerms)),
  };
  CODE_COLUMNS.forEach((column, g) => (out[column] = document.codes[g]));
  return out;
}

const WRITE_CHUNK = 2000; // rows per INSERT: 10 columns, under PostgreSQL's 65 535 parameters

export async function rebuildPostgresSearchIndex(
  db: Kysely<Database>,
  directoryId: string,
  onProgress?: (done: number, total: number) => void,
  words?: IndexWords,
): Promise<void> {
  const build = async (trx: Kysely<Database>) => {
    // instances starting together on one database build one after the other
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`repertoire-search:${directoryId}`}))`.execute(trx);
    await ensurePostgresSearch(trx);
    await sql`DELETE FROM search_pg_docs WHERE directory_id = ${directoryId}`.execute(trx);
    let rows: Record<string, unknown>[] = [];
    const flush = async () => {
      for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
        await trx.insertInto('search_pg_docs' as never).values(rows.slice(i, i + WRITE_CHUNK) as never).execute();
      }
      rows = [];
    };
    await rebuildSearchIndex(trx, directoryId, onProgress, { document: (document) => rows.push(row(directoryId, document)), flush }, words);
    await flush();
    await copyFacetRows(trx, directoryId);
  };
  if (db.isTransaction) {
    await build(db);
    await sql`ANALYZE search_pg_docs, search_pg_facets`.execute(db);
  } else {
    await db.transaction().execute(build);
    // the visibility map lets searches without words count on the indexes of codes alone
    await sql`VACUUM (ANALYZE) search_pg_facets`.execute(db);
    await sql`ANALYZE search_pg_docs`.execute(db);
  }
}

/** `search_pg_facets`: the directory's rows of `search_pg_docs` without their text. */
export async function copyFacetRows(db: Kysely<Database>, directoryId: string): Promise<void> {
  const columns = sql.join(['directory_id', 'doc', ...CODE_COLUMNS, 'date_key', 'sort_name'].map((c) => sql.ref(c)));
  await sql`DELETE FROM search_pg_facets WHERE directory_id = ${directoryId}`.execute(db);
  await sql`INSERT INTO search_pg_facets (${columns}) SELECT ${columns} FROM search_pg_docs WHERE directory_id = ${directoryId}`.execute(db);
}
