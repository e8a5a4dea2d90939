/**
 * The search on PostgreSQL in SQL: the same queries and answers as the SQLite engine (../engine.ts),
 * run over `search_pg_docs` (full text by its GIN-indexed tsvector, facets by profile codes) on
 * the store's own connection pool. Not the searcher `serve` uses (./engine.ts answers from the
 * engine's own tables, in milliseconds): kept as PostgreSQL's full-text path, compared with both
 * others by compare.test.ts; seconds for words that match most of a million documents (ADR 0004).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../store/tables.js';
import { sanitizeQuery } from '../params.js';
import { clampPage, emptyFacets, hitsInOrder, selectValues, type DocRow } from '../results.js';
import { queryTerms } from '../text.js';
import { MAX_WINDOW, type FacetName, type SearchQuery, type SearchResult, type Searcher } from '../types.js';
import { facetCondition, from, matchCondition } from './conditions.js';
import { countFacets } from './facets.js';
import { PgIndexes, type PgIndex } from './loaded.js';
import { pageDocs } from './order.js';
import { suggest } from './suggest.js';

type Condition = RawBuilder<unknown>;

/**
 * A query's conditions: the match and each selected facet's filter. The match leaves out the
 * notices past their last day on `today` (as the engine's core does): a condition on the match
 * (rather than a filter) holds for every count, the total and the suggestions alike.
 */
function conditionsOf(index: PgIndex, query: SearchQuery, notices: string[], today: string) {
  const selection = selectValues(index.valueIndex, query, notices);
  const terms = queryTerms(query.q);
  const day = Number(today.replace(/-/g, ''));
  const expired = index.expiry.filter(([, until]) => until < day).map(([doc]) => doc);
  const words = matchCondition(terms);
  const live = expired.length === 0 ? undefined : sql`NOT (doc = ANY(${expired}::int[]))`;
  const match = live === undefined ? words : words === undefined ? live : sql`(${words} AND ${live})`;
  const filters = new Map<FacetName, Condition>();
  for (const [facet, ids] of selection) filters.set(facet, facetCondition(index, facet, ids));
  return { selection, terms, match, filters };
}

async function hitRows(db: Kysely<Database>, index: PgIndex, docs: readonly number[]): Promise<DocRow[]> {
  if (docs.length === 0) return [];
  const { rows } = await sql<DocRow>`SELECT doc, type, record_id, partnership_id, title, subtitle, date, pad, body FROM search_docs
    WHERE directory_id = ${index.directoryId} AND doc = ANY(${[...docs]}::int[])`.execute(db);
  return rows;
}

/** The searcher in SQL over `search_pg_docs` (tsvector, GIN, GROUPING SETS): the same answers, slower on common words (see ADR 0004); closing it leaves the store open. */
export function openPostgresSqlSearcher(db: Kysely<Database>): Searcher {
  const indexes = new PgIndexes(db);

  const matches = async (index: PgIndex, input: SearchQuery, today: string): Promise<boolean> => {
    const { query } = sanitizeQuery(input);
    const { match, filters } = conditionsOf(index, query, [], today);
    const { rows } = await sql`SELECT 1 FROM ${from(index, match, [...filters.values()])} LIMIT 1`.execute(db);
    return rows.length > 0;
  };

  const search = async (input: SearchQuery, directoryId?: string, today: string = new Date().toISOString().slice(0, 10)): Promise<SearchResult> => {
    const started = performance.now();
    const { query, notices } = sanitizeQuery(input);
    const index = await indexes.current(directoryId);
    if (index === null) {
      notices.push("L'index de recherche n'est pas encore construit : aucun résultat.");
      return { query, total: 0, pages: 0, hits: [], facets: emptyFacets(), suggestions: [], notices, tookMs: performance.now() - started };
    }
    const { selection, terms, match, filters } = conditionsOf(index, query, notices, today);
    const page = (p: number) => pageDocs(db, index, match, [...filters.values()], query.sort, terms, (p - 1) * query.perPage, Math.min(query.perPage, MAX_WINDOW - (p - 1) * query.perPage));
    // the page asked for is fetched beside the counts, and again only when it lies beyond the results
    const asked = query.page;
    const [counted, first] = await Promise.all([countFacets(db, index, match, filters, selection), page(asked)]);
    const pages = clampPage(query, counted.total, notices);
    const docs = query.page === asked ? first : await page(query.page);
    const hits = hitsInOrder(docs, await hitRows(db, index, docs), terms);
    const suggestions = counted.total === 0 ? await suggest(db, index, query, terms, (candidate) => matches(index, candidate, today)) : [];
    return { query, total: counted.total, pages, hits, facets: counted.facets, suggestions, notices, tookMs: performance.now() - started };
  };

  return { search, close: async () => undefined };
}
