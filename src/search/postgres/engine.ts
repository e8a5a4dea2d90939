/**
 * The search on PostgreSQL by the SQLite engine's own core (../engine.ts): the build stores the
 * same posting bitsets, prefixes, facet codes and sort keys in PostgreSQL (`bytea`); here the
 * core's reads are answered through pg — a few small reads per query, the codes loaded once per
 * build — and everything else is the same synchronous computation as on SQLite. pg is
 * asynchronous, so no worker threads: the searcher runs on the store's pool. The tsvector/GIN
 * path (./searcher.ts) answers the same queries in SQL and stays as `openPostgresSqlSearcher`.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { notBuiltResult, runStepsAsync, SearchCore, type AsyncIndexReads, type CandidateRow, type EngineOptions, type PostingRow, type Postings } from '../engine.js';
import type { DocRow } from '../results.js';
import type { DeltaDoc } from '../delta/overlay.js';
import type { SearchQuery, SearchResult, SearchTally, Searcher } from '../types.js';
import type { TallyRow } from '../tally.js';

/** PostgreSQL's code for "relation does not exist": the index tables are not built yet. */
const UNDEFINED_TABLE = '42P01';

/** A read saw another build than the search's first read: the search runs again in one snapshot. */
class StaleRead extends Error {}

const text = (value: Uint8Array | string) => (typeof value === 'string' ? value : Buffer.from(value).toString('utf8'));

/**
 * The core's reads on a PostgreSQL connection (or transaction). With `checked`, each read is its
 * own statement (no transaction: two round trips fewer), and the reads of posting lists and
 * documents also return the build's stamp: one that differs from the stamp read first throws
 * `StaleRead` (a rebuild committed meanwhile).
 */
export function postgresReads(db: Kysely<Database>, checked = false): AsyncIndexReads {
  let expected: string | undefined;
  const verify = (build: Uint8Array | string | null | undefined) => {
    if (checked && (build === null || build === undefined ? undefined : text(build)) !== expected) throw new StaleRead('the index was rebuilt during the search');
  };
  return {
    firstDirectory: async () =>
      (await sql<{ directory_id: string }>`SELECT directory_id FROM search_meta WHERE key = 'dict' ORDER BY directory_id COLLATE "C" LIMIT 1`.execute(db)).rows[0]
        ?.directory_id,
    stamp: async (directoryId) => {
      const { rows } = await sql<{ value: Uint8Array | string }>`SELECT value FROM search_meta WHERE directory_id = ${directoryId} AND key = 'stamp'`.execute(db);
      expected = rows[0] === undefined ? undefined : text(rows[0].value);
      return expected;
    },
    meta: async (directoryId) => (await sql<{ key: string; value: Uint8Array | string }>`SELECT key, value FROM search_meta WHERE directory_id = ${directoryId}`.execute(db)).rows,
    postings: async (directoryId, wanted) => {
      // one statement: the terms, the short prefixes, and per longer prefix its 3 000 most frequent terms
      const { rows } = await sql<PostingRow & { source: 't' | 'p' | 'r' | 's'; key: string; df: number | null }>`
        SELECT 's' AS source, '' AS key, NULL::int AS df, 0 AS kind, value AS postings, NULL::int AS title_kind, NULL::bytea AS title_postings FROM search_meta
          WHERE directory_id = ${directoryId} AND key = 'stamp'
        UNION ALL
        SELECT 't', term, df, kind, postings, title_kind, title_postings FROM search_terms
          WHERE directory_id = ${directoryId} AND term = ANY(${[...wanted.terms]}::text[])
        UNION ALL
        SELECT 'p', prefix, NULL, kind, postings, title_kind, title_postings FROM search_prefixes
          WHERE directory_id = ${directoryId} AND prefix = ANY(${[...wanted.prefixes]}::text[])
        UNION ALL
        SELECT 'r', wanted.prefix, t.df, t.kind, t.postings, t.title_kind, t.title_postings
          FROM unnest(${[...wanted.ranges]}::text[]) AS wanted(prefix)
          CROSS JOIN LATERAL (SELECT df, kind, postings, title_kind, title_postings FROM search_terms
            WHERE directory_id = ${directoryId} AND starts_with(term, wanted.prefix)
              AND term COLLATE "C" < wanted.prefix || ${'\uffff'} ORDER BY df DESC LIMIT 3000) AS t`.execute(db);
      verify(rows.find((row) => row.source === 's')?.postings);
      const out: Postings = { terms: new Map(), prefixes: new Map(), ranges: new Map(wanted.ranges.map((prefix) => [prefix, []])) };
      for (const { source, key, df, ...posting } of rows) {
        if (source === 's') continue;
        const row: PostingRow = df === null ? posting : { ...posting, df }; // a prefix has no df (as on SQLite)
        if (source === 't') out.terms.set(key, row);
        else if (source === 'p') out.prefixes.set(key, row);
        else out.ranges.get(key)!.push(row);
      }
      return out;
    },
    candidates: async (directoryId, around) =>
      (
        await sql<CandidateRow>`SELECT term, df, surface FROM search_terms
          WHERE directory_id = ${directoryId} AND term COLLATE "C" >= ${around.first} AND term COLLATE "C" < ${around.next}
          AND length(term) BETWEEN ${around.minLength} AND ${around.maxLength}`.execute(db)
      ).rows,
    docs: async (directoryId, docs) => {
      // the build's stamp on every row, and on one row without a document when none is found
      const { rows } = await sql<{ build: Uint8Array } & { [K in keyof DocRow]: DocRow[K] | null }>`SELECT s.value AS build,
          d.doc, d.type, d.record_id, d.partnership_id, d.title, d.subtitle, d.date, d.pad, d.body
        FROM search_meta AS s LEFT JOIN search_docs AS d ON d.directory_id = s.directory_id AND d.doc = ANY(${[...docs]}::int[])
        WHERE s.directory_id = ${directoryId} AND s.key = 'stamp'`.execute(db);
      verify(rows[0]?.build);
      return rows.filter((row) => row.doc !== null).map(({ build, ...row }) => (void build, row as DocRow));
    },
    delta: async (directoryId, known) => {
      const { rows } = await sql<{ value: Uint8Array | string }>`SELECT value FROM search_meta WHERE directory_id = ${directoryId} AND key = 'delta'`.execute(db);
      const version = rows[0] === undefined ? undefined : text(rows[0].value);
      if (version === undefined || version === known) return { version };
      const entries = await sql<{ entry: string }>`SELECT entry FROM search_delta WHERE directory_id = ${directoryId}`.execute(db);
      return { version, entries: entries.rows.map((row) => JSON.parse(row.entry) as DeltaDoc) };
    },
    tallies: async (directoryId) => (await sql<TallyRow>`SELECT key, value FROM search_tallies WHERE directory_id = ${directoryId}`.execute(db)).rows,
  };
}

/** A searcher over a PostgreSQL store's index (built by `rebuildPostgresSearchIndex`); closing it leaves the store open. */
export function openPostgresSearcher(db: Kysely<Database>, options: Pick<EngineOptions, 'cache'> = {}): Searcher {
  const core = new SearchCore(options);
  const run = (db: Kysely<Database>, checked: boolean, query: SearchQuery, directoryId?: string, today?: string) =>
    runStepsAsync(core.searchSteps(query, directoryId, today), postgresReads(db, checked));
  const search = async (query: SearchQuery, directoryId?: string, today?: string): Promise<SearchResult> => {
    const started = performance.now();
    try {
      if (db.isTransaction) return await run(db, false, query, directoryId, today);
      try {
        return await run(db, true, query, directoryId, today);
      } catch (error) {
        if (!(error instanceof StaleRead)) throw error;
        // a rebuild committed while this search read: again, in one snapshot
        return await db
          .transaction()
          .setIsolationLevel('repeatable read')
          .setAccessMode('read only')
          .execute((trx) => run(trx, false, query, directoryId, today));
      }
    } catch (error) {
      if ((error as { code?: unknown }).code === UNDEFINED_TABLE) return notBuiltResult(query, started);
      throw error;
    }
  };
  // in one snapshot: the tallies and the postings of one build
  const tally = async (query: SearchQuery, directoryId: string | undefined, rankLimit: number, today?: string): Promise<SearchTally | undefined> => {
    const steps = (db: Kysely<Database>) => runStepsAsync(core.tallySteps(query, directoryId, rankLimit, today), postgresReads(db, false));
    try {
      return db.isTransaction ? await steps(db) : await db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(steps);
    } catch (error) {
      if ((error as { code?: unknown }).code === UNDEFINED_TABLE) return undefined; // no index, or one built before tallies
      throw error;
    }
  };
  return { search, tally, close: async () => undefined };
}
