/**
 * The FROM and WHERE of a search on `search_pg_docs` or `search_pg_facets`: the query's words as a tsquery, the facets'
 * selections as profile codes. User text never reaches SQL: the words are our normaliser's
 * stems (../text.ts), each passed as a parameter, quoted by `quote_literal` into a tsquery
 * lexeme; the codes are integers.
 */
import { sql, type RawBuilder } from 'kysely';
import type { QueryTerms } from '../text.js';
import type { FacetName } from '../types.js';
import { profileCodes, type PgIndex } from './loaded.js';
import { CODE_COLUMNS, TS_CONFIG } from './schema.js';

type Condition = RawBuilder<unknown>;

const CONFIG = sql.raw(`'${TS_CONFIG}'::regconfig`);

/** The tsquery of one stem. */
export function termQuery(term: string): Condition {
  return sql`to_tsquery(${CONFIG}, quote_literal(${term}::text))`;
}

/** The tsquery of index terms starting with any of the prefixes. */
export function prefixQuery(prefixes: readonly string[]): Condition {
  return sql`(${sql.join(
    prefixes.map((prefix) => sql`to_tsquery(${CONFIG}, quote_literal(${prefix}::text) || ':*')`),
    sql` || `,
  )})`;
}

/** The query's parts, each a tsquery: every exact stem, then the typed last word's prefixes (of every group: for ranking). */
export function queryParts(terms: QueryTerms): Condition[] {
  const parts = terms.exact.map(termQuery);
  if (terms.prefixes.length > 0) parts.push(prefixQuery(terms.prefixes));
  return parts;
}

/**
 * The documents matching any group of the query (each: every one of its parts) and none of its
 * excluded stems; undefined when the query has no words.
 */
export function matchCondition(terms: QueryTerms): Condition | undefined {
  if (terms.groups.length === 0 && terms.excluded.length === 0) return undefined;
  const groups = terms.groups.map((group) => sql`(${sql.join(queryParts({ ...group, groups: [], excluded: [] }), sql` && `)})`);
  const excluded = terms.excluded.map((term) => sql`(!!${termQuery(term)})`);
  const all = [...(groups.length === 0 ? [] : [sql`(${sql.join(groups, sql` || `)})`]), ...excluded];
  return sql`tsv @@ (${sql.join(all, sql` && `)})`;
}

/** The documents with any of the selected values of a facet. */
export function facetCondition(index: PgIndex, facet: FacetName, ids: readonly number[]): Condition {
  const codes = profileCodes(index, facet, ids);
  if (codes.length === 0) return sql`FALSE`;
  return sql`${sql.ref(CODE_COLUMNS[index.groupOf[facet]]!)} = ANY(${codes}::int[])`;
}

/**
 * `FROM … WHERE` directory ∧ match ∧ every filter: on the rows with the text when there are words
 * to match, else on the narrow rows of codes and sort keys (a tenth of the bytes to read).
 */
export function from(index: PgIndex, match: Condition | undefined, filters: readonly Condition[]): Condition {
  const all = [sql`directory_id = ${index.directoryId}`, ...(match === undefined ? [] : [match]), ...filters];
  return sql`${sql.table(match === undefined ? 'search_pg_facets' : 'search_pg_docs')} WHERE ${sql.join(all, sql` AND `)}`;
}
