/**
 * Suggestions when nothing matched, as the SQLite engine makes them (../results.ts): each word
 * the index does not know replaced by its nearest known word from `search_terms`, then the
 * query without one filter or one word; only those that find something are kept.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { searchParamsOf } from '../params.js';
import { MAX_SUGGESTIONS, nearestWord, neighbourhood, suggestionCandidates } from '../results.js';
import { stem, type QueryTerms } from '../text.js';
import type { SearchQuery } from '../types.js';
import type { PgIndex } from './loaded.js';

async function known(db: Kysely<Database>, index: PgIndex, term: string): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM search_terms WHERE directory_id = ${index.directoryId} AND term = ${term}`.execute(db);
  return rows.length > 0;
}

async function nearest(db: Kysely<Database>, index: PgIndex, word: string): Promise<string | undefined> {
  const around = neighbourhood(word);
  if (around === undefined) return undefined;
  const { rows } = await sql<{ term: string; df: number; surface: string }>`SELECT term, df, surface FROM search_terms
    WHERE directory_id = ${index.directoryId} AND term COLLATE "C" >= ${around.first} AND term COLLATE "C" < ${around.next}
    AND length(term) BETWEEN ${around.minLength} AND ${around.maxLength}`.execute(db);
  return nearestWord(word, around.max, rows.map((row) => ({ ...row, df: Number(row.df) })));
}

/** Suggestions as URL search strings; `matches` says whether a query finds anything. */
export async function suggest(
  db: Kysely<Database>,
  index: PgIndex,
  query: SearchQuery,
  terms: QueryTerms,
  matches: (query: SearchQuery) => Promise<boolean>,
): Promise<string[]> {
  const corrections = new Map<string, string>();
  for (const word of terms.words) {
    if (await known(db, index, stem(word))) continue;
    const near = await nearest(db, index, word);
    if (near !== undefined) corrections.set(word, near);
  }
  const out: string[] = [];
  for (const candidate of suggestionCandidates(query, terms, corrections)) {
    if (out.length >= MAX_SUGGESTIONS) break;
    if (await matches(candidate)) out.push(searchParamsOf(candidate).toString());
  }
  return out;
}
