/**
 * The page of results in the query's order, in SQL: by date or name on the precomputed keys,
 * or by relevance as the SQLite engine ranks (../engine.ts, `byRelevance`): the idf-weighted sum
 * of the query's parts found in the title, equal scores in the order of their patterns, then
 * the document number. A document's pattern (which parts its title has) is a bit mask computed
 * by `title_tsv @@ part`; the patterns' ranks are computed here and passed as one array.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { QueryTerms } from '../text.js';
import type { SortOrder } from '../types.js';
import { from, prefixQuery, termQuery } from './conditions.js';
import type { PgIndex } from './loaded.js';

type Condition = RawBuilder<unknown>;

/** Title parts taken into account for ranking, as in the SQLite engine. */
const MAX_RANKED_PARTS = 6;

interface Part {
  query: Condition;
  df: number;
  titled: boolean;
}

/** The query's parts with their document frequencies: the stems' from `search_terms`, the prefix's estimated. */
async function parts(db: Kysely<Database>, index: PgIndex, terms: QueryTerms): Promise<Part[]> {
  const { rows } = await sql<{ term: string; df: number; title_kind: number | null }>`SELECT term, df, title_kind FROM search_terms
    WHERE directory_id = ${index.directoryId} AND term = ANY(${terms.exact}::text[])`.execute(db);
  const byTerm = new Map(rows.map((row) => [row.term, row]));
  const out: Part[] = terms.exact.map((term) => ({ query: termQuery(term), df: Number(byTerm.get(term)?.df ?? 0), titled: (byTerm.get(term)?.title_kind ?? null) !== null }));
  if (terms.prefixes.length > 0) {
    const query = prefixQuery(terms.prefixes);
    // its weight only matters beside other parts
    const df = out.length === 0 ? 1 : await prefixFrequency(db, index, terms.prefixes);
    out.push({ query, df, titled: true });
  }
  return out.sort((a, b) => a.df - b.df);
}

/**
 * How many documents hold a term starting with one of the prefixes, estimated as the sum of
 * those terms' frequencies (at most every document): counting them exactly is a pass over every
 * matching row, a second of a common prefix at a million documents, for a weight.
 */
async function prefixFrequency(db: Kysely<Database>, index: PgIndex, prefixes: readonly string[]): Promise<number> {
  let sum = 0;
  for (const prefix of prefixes) {
    const { rows } = await sql<{ n: number | null }>`SELECT sum(df)::float8 AS n FROM search_terms WHERE directory_id = ${index.directoryId}
      AND term >= ${prefix} AND term < ${`${prefix}\uffff`} AND starts_with(term, ${prefix})`.execute(db);
    sum += Number(rows[0]?.n ?? 0);
  }
  return Math.min(index.size, sum);
}

/** Patterns (which titled parts a title has, as a bit mask) walked one by one at most, when few and the page is near. */
const WALKED_PARTS = 2;
const WALKED_WINDOW = 1000;

/** Relevance: the titled parts, and their patterns best first (ADR 0003). */
async function ranking(db: Kysely<Database>, index: PgIndex, terms: QueryTerms): Promise<{ titled: Part[]; masks: number[] }> {
  const titled = (await parts(db, index, terms)).filter((p) => p.titled).slice(0, MAX_RANKED_PARTS);
  const weights = titled.map((p) => Math.log(1 + index.size / Math.max(1, p.df)));
  const masks = Array.from({ length: 1 << titled.length }, (_, mask) => ({
    mask,
    score: weights.reduce((sum, weight, j) => (mask & (1 << j) ? sum + weight : sum), 0),
  }))
    .sort((a, b) => b.score - a.score || a.mask - b.mask)
    .map((pattern) => pattern.mask);
  return { titled, masks };
}

/** ORDER BY for relevance: the rank of the document's title pattern, then its number. */
function byPatternRank(titled: readonly Part[], masks: readonly number[]): Condition {
  if (titled.length === 0) return sql`doc`;
  const rank: number[] = new Array<number>(masks.length);
  masks.forEach((mask, position) => (rank[mask] = position));
  const mask = sql.join(
    titled.map((part, j) => sql`CASE WHEN title_tsv @@ ${part.query} THEN ${1 << j}::int ELSE 0 END`),
    sql` + `,
  );
  return sql`(${rank}::int[])[${mask} + 1], doc`;
}

/** The documents of one page of the results, in order. */
export async function pageDocs(
  db: Kysely<Database>,
  index: PgIndex,
  match: Condition | undefined,
  filters: readonly Condition[],
  sort: SortOrder,
  terms: QueryTerms,
  offset: number,
  limit: number,
): Promise<number[]> {
  if (limit <= 0) return [];
  const page = async (order: Condition, extra: readonly Condition[], skip: number, take: number) =>
    (await sql<{ doc: number }>`SELECT doc FROM ${from(index, match, [...filters, ...extra])}
      ORDER BY ${order} LIMIT ${take} OFFSET ${skip}`.execute(db)).rows.map((row) => Number(row.doc));
  if (sort === 'date') return page(sql`date_key DESC, doc`, [], offset, limit);
  if (sort === 'name') return page(sql`sort_name, doc`, [], offset, limit);
  const { titled, masks } = await ranking(db, index, terms);
  if (titled.length === 0 || titled.length > WALKED_PARTS || offset + limit > WALKED_WINDOW) return page(byPatternRank(titled, masks), [], offset, limit);
  // pattern by pattern, each in document order: no score to compute over every match, and a
  // common word's first page stops early (as the SQLite engine's scan does)
  const docs: number[] = [];
  for (const mask of masks) {
    const pattern = titled.map((part, j) => (mask & (1 << j) ? sql`title_tsv @@ ${part.query}` : sql`NOT (title_tsv @@ ${part.query})`));
    docs.push(...(await page(sql`doc`, pattern, 0, offset + limit - docs.length)));
    if (docs.length >= offset + limit) break;
  }
  return docs.slice(offset, offset + limit);
}
