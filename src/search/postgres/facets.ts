/**
 * Disjunctive facet counts in SQL: documents are counted by profile code, one GROUP BY
 * GROUPING SETS pass for all the groups of facets without a selection, and one per selected
 * facet on the query and the OTHER facets' filters; profiles are then spread over their values
 * (see docs/decisions/0003-search.md, "Facets as per-document profile codes").
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../store/tables.js';
import { facetLists } from '../results.js';
import { FACET_NAMES, type FacetName, type FacetValue } from '../types.js';
import { from } from './conditions.js';
import { valueCounts, type PgIndex } from './loaded.js';
import { CODE_COLUMNS } from './schema.js';

type Condition = RawBuilder<unknown>;
/** per group, documents by profile code */
type GroupCounts = Map<number, Map<number, number>>;

/** Documents by profile code of each group, over the documents matching the match and filters. */
async function groupCounts(db: Kysely<Database>, index: PgIndex, match: Condition | undefined, filters: readonly Condition[], groups: readonly number[]): Promise<GroupCounts> {
  if (match === undefined && filters.length === 0) {
    // no words, no filters: the counts over every document, kept with the loaded build
    index.everything ??= countGroups(db, index, undefined, [], CODE_COLUMNS.map((_, g) => g));
    const all = await index.everything.catch((error: unknown) => {
      index.everything = undefined;
      throw error;
    });
    return new Map(groups.map((g) => [g, all.get(g)!]));
  }
  return countGroups(db, index, match, filters, groups);
}

async function countGroups(db: Kysely<Database>, index: PgIndex, match: Condition | undefined, filters: readonly Condition[], groups: readonly number[]): Promise<GroupCounts> {
  const columns = groups.map((g) => CODE_COLUMNS[g]!);
  const sets = sql.join(columns.map((column) => sql`(${sql.ref(column)})`));
  const { rows } = await sql<Record<string, number | null>>`SELECT ${sql.join(columns.map((c) => sql.ref(c)))}, count(*)::int AS n
    FROM ${from(index, match, filters)} GROUP BY GROUPING SETS (${sets})`.execute(db);
  const out: GroupCounts = new Map(groups.map((g) => [g, new Map()]));
  for (const row of rows) {
    groups.forEach((g, i) => {
      const code = row[columns[i]!];
      if (code !== null && code !== undefined) out.get(g)!.set(code, Number(row.n));
    });
  }
  return out;
}

/** AND of conditions (TRUE for none). */
const all = (conditions: readonly Condition[]): Condition => (conditions.length === 0 ? sql`TRUE` : sql`(${sql.join([...conditions], sql` AND `)})`);

/**
 * With words and selected facets, every count in ONE pass over the matching rows: each count is
 * an aggregate FILTER — the results' (every filter), and each selected facet's (the others').
 */
async function onePass(
  db: Kysely<Database>,
  index: PgIndex,
  match: Condition,
  filters: ReadonlyMap<FacetName, Condition>,
  plain: readonly number[],
): Promise<GroupCounts[]> {
  const selected = [...filters.keys()];
  const others = selected.map((facet) => [...filters].filter(([f]) => f !== facet).map(([, c]) => c));
  const counted = [all([...filters.values()]), ...others.map(all)];
  const groups = [...new Set([...plain, ...selected.map((f) => index.groupOf[f])])];
  const columns = groups.map((g) => CODE_COLUMNS[g]!);
  const union = others.some((list) => list.length === 0) ? [] : [sql`(${sql.join(others.map(all), sql` OR `)})`];
  const { rows } = await sql<Record<string, number | null>>`SELECT ${sql.join(columns.map((c) => sql.ref(c)))},
    ${sql.join(counted.map((condition, i) => sql`count(*) FILTER (WHERE ${condition})::int AS ${sql.ref(`n${i}`)}`))}
    FROM ${from(index, match, union)} GROUP BY GROUPING SETS (${sql.join(columns.map((column) => sql`(${sql.ref(column)})`))})`.execute(db);
  const out: GroupCounts[] = counted.map(() => new Map(groups.map((g) => [g, new Map()])));
  for (const row of rows) {
    groups.forEach((g, i) => {
      const code = row[columns[i]!];
      if (code === null || code === undefined) return;
      out.forEach((counts, k) => {
        const n = Number(row[`n${k}`] ?? 0);
        if (n > 0) counts.get(g)!.set(code, n);
      });
    });
  }
  return out;
}

export interface CountedFacets {
  total: number;
  facets: Record<FacetName, FacetValue[]>;
}

/** The results' total and every facet's counts; `filters` are the selected facets' conditions. */
export async function countFacets(
  db: Kysely<Database>,
  index: PgIndex,
  match: Condition | undefined,
  filters: ReadonlyMap<FacetName, Condition>,
  selection: Map<FacetName, number[]>,
): Promise<CountedFacets> {
  // group 0 holds the type: every document has one code there, so its counts sum to the total
  const plain = [...new Set([0, ...FACET_NAMES.filter((f) => !filters.has(f)).map((f) => index.groupOf[f])])];
  const selected = [...filters.keys()];
  // without words, a query per count: each can use the indexes of codes (and the totals kept per build)
  const [results, ...others] =
    match !== undefined && selected.length > 0
      ? await onePass(db, index, match, filters, plain)
      : await Promise.all([
          groupCounts(db, index, match, [...filters.values()], plain),
          ...selected.map((facet) =>
            groupCounts(db, index, match, [...filters].filter(([f]) => f !== facet).map(([, c]) => c), [index.groupOf[facet]]),
          ),
        ]);
  let total = 0;
  for (const n of results!.get(0)!.values()) total += n;
  const counts = {} as Record<FacetName, Float64Array>;
  for (const facet of FACET_NAMES) {
    const at = selected.indexOf(facet);
    const byGroup = at === -1 ? results! : others[at]!;
    counts[facet] = valueCounts(index, facet, byGroup.get(index.groupOf[facet])!);
  }
  return { total, facets: facetLists(index.facets, counts, selection) };
}
