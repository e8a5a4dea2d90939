/**
 * The engine-independent parts of answering a query, shared by the SQLite engine (engine.ts) and
 * the PostgreSQL one (postgres/): which filter values the index knows, the page clamp, facet
 * lists from counts, and the suggestions' candidate queries and spelling corrections.
 */
import { frenchFormats } from '../locale/french.js';
import type { FacetEntry } from './build.js';
import { searchParamsOf } from './params.js';
import type { SearchDocTable } from './tables.js';
import { editDistance, excerptHtml, queryTerms, stem, type QueryTerms } from './text.js';
import { FACET_NAMES, MAX_WINDOW, type FacetName, type FacetValue, type HitType, type SearchHit, type SearchQuery } from './types.js';

/** The selected values the index knows, by facet (their indexes); unknown ones are dropped from the query, with a notice. */
export function selectValues(valueIndex: Record<FacetName, Map<string, number>>, query: SearchQuery, notices: string[]): Map<FacetName, number[]> {
  const selection = new Map<FacetName, number[]>();
  const unknown: string[] = [];
  for (const facet of FACET_NAMES) {
    const asked = query.filters[facet];
    if (asked === undefined) continue;
    const known: string[] = [];
    const ids: number[] = [];
    for (const value of asked) {
      const id = valueIndex[facet].get(value);
      if (id === undefined) unknown.push(`${facet}=${value.slice(0, 40)}`);
      else {
        known.push(value);
        ids.push(id);
      }
    }
    if (known.length > 0) {
      query.filters[facet] = known;
      selection.set(facet, ids);
    } else delete query.filters[facet];
  }
  if (unknown.length > 0) notices.push(`Valeur${unknown.length > 1 ? 's' : ''} de filtre inconnue${unknown.length > 1 ? 's' : ''} ignorée${unknown.length > 1 ? 's' : ''} : ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? '…' : ''}.`);
  return selection;
}

/** The value indexes of a facet catalogue, by value. */
export function valueIndexOf(facets: Record<FacetName, FacetEntry[]>): Record<FacetName, Map<string, number>> {
  const out = {} as Record<FacetName, Map<string, number>>;
  for (const facet of FACET_NAMES) out[facet] = new Map((facets[facet] ?? []).map((entry, i) => [entry.value, i]));
  return out;
}

/** How many pages the results make; a page beyond them is brought back to the last one, with a notice. */
export function clampPage(query: SearchQuery, total: number, notices: string[]): number {
  const window = Math.min(total, MAX_WINDOW);
  const pages = Math.ceil(window / query.perPage);
  if (query.page > Math.max(1, pages)) {
    if (total > MAX_WINDOW && query.page * query.perPage > MAX_WINDOW) {
      notices.push(`Seuls les ${frenchFormats.number(MAX_WINDOW)} premiers résultats peuvent être parcourus : dernière page affichée.`);
    } else if (total > 0) notices.push(`Il n'y a que ${pages} page${pages > 1 ? 's' : ''} de résultats : dernière page affichée.`);
    query.page = Math.max(1, pages);
  }
  return pages;
}

/** Facets listed in their catalogue's order, or by count for these (long lists of names). */
const BY_COUNT = new Set<FacetName>(['homeKind', 'partnerKind', 'region', 'funder']);

/** The facet lists shown: values with a count or selected; counts[facet][i] is value i's count. */
export function facetLists(
  facets: Record<FacetName, FacetEntry[]>,
  counts: Record<FacetName, ArrayLike<number>>,
  selection: Map<FacetName, number[]>,
): Record<FacetName, FacetValue[]> {
  const out = {} as Record<FacetName, FacetValue[]>;
  for (const facet of FACET_NAMES) {
    const selected = new Set(selection.get(facet) ?? []);
    const list: FacetValue[] = [];
    facets[facet].forEach((entry, i) => {
      const count = counts[facet][i] ?? 0;
      if (count === 0 && !selected.has(i)) return;
      const value: FacetValue = { value: entry.value, count, selected: selected.has(i) };
      if (entry.label !== undefined) value.label = entry.label;
      if (entry.parent !== undefined) value.parent = entry.parent;
      list.push(value);
    });
    if (BY_COUNT.has(facet)) list.sort((a, b) => b.count - a.count || (a.label ?? a.value).localeCompare(b.label ?? b.value, 'fr'));
    out[facet] = list;
  }
  return out;
}

export function emptyFacets(): Record<FacetName, FacetValue[]> {
  return Object.fromEntries(FACET_NAMES.map((facet) => [facet, []])) as unknown as Record<FacetName, FacetValue[]>;
}

/** A written word as the query sees it (folded). */
function queryWord(word: string): string {
  return queryTerms(word).words[0] ?? '';
}

/**
 * Queries to try when nothing matched, best first: the misspelt words corrected (`corrections`:
 * folded word → known word), then without one filter, then without one word.
 */
export function suggestionCandidates(query: SearchQuery, terms: QueryTerms, corrections: ReadonlyMap<string, string>): SearchQuery[] {
  const candidates: SearchQuery[] = [];
  const base: SearchQuery = { ...query, page: 1, filters: { ...query.filters } };
  if (corrections.size > 0) {
    const corrected = query.q.replace(/[\p{L}\p{N}\p{M}]+/gu, (original) => corrections.get(queryWord(original)) ?? original);
    candidates.push({ ...base, q: corrected });
    if (Object.keys(query.filters).length > 0) candidates.push({ ...base, q: corrected, filters: {} });
  }
  for (const facet of Object.keys(query.filters) as FacetName[]) {
    const filters = { ...query.filters };
    delete filters[facet];
    candidates.push({ ...base, filters });
  }
  if (terms.words.length > 1) {
    for (const word of terms.words) {
      const q = query.q.replace(/[\p{L}\p{N}\p{M}]+/gu, (original) => (queryWord(original) === word ? ' ' : original)).replace(/\s+/g, ' ').trim();
      if (q !== '') candidates.push({ ...base, q });
    }
  }
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    const text = searchParamsOf(candidate).toString();
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/** Suggestions shown at most. */
export const MAX_SUGGESTIONS = 5;

/** Where to look for a misspelt word's neighbours: index terms in [first, next), of these lengths, within `max` edits. */
export function neighbourhood(word: string): { first: string; next: string; minLength: number; maxLength: number; max: number } | undefined {
  if (word.length < 3) return undefined;
  const max = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  const first = word.charAt(0);
  return { first, next: String.fromCharCode(first.charCodeAt(0) + 1), minLength: Math.max(1, word.length - max - 1), maxLength: word.length + max, max };
}

/** The nearest known word: nearer first, but a frequent word beats a rare one a letter nearer ("enviromnent" → "environnement"). */
export function nearestWord(word: string, max: number, rows: readonly { term: string; df: number; surface: string }[]): string | undefined {
  let best: { surface: string; score: number } | undefined;
  const target = stem(word);
  for (const row of rows) {
    const distance = Math.min(editDistance(target, row.term, max), editDistance(word, row.surface, max));
    if (distance > max) continue;
    const score = Math.log(1 + row.df) - 1.5 * distance;
    if (best === undefined || score > best.score) best = { surface: row.surface, score };
  }
  return best?.surface;
}

/** A `search_docs` row as the hits are made from it. */
export type DocRow = Omit<SearchDocTable, 'directory_id' | 'sort_name'>;

/** The hits of `docs`, in that order, from their rows (in any order); excerpts highlight the query's terms. */
export function hitsInOrder(docs: readonly number[], rows: readonly DocRow[], terms: QueryTerms): SearchHit[] {
  const byDoc = new Map(rows.map((row) => [Number(row.doc), row]));
  const hits: SearchHit[] = [];
  for (const doc of docs) {
    const row = byDoc.get(doc);
    if (row === undefined) continue;
    const hit: SearchHit = { type: row.type as HitType, id: row.record_id, title: row.title, subtitle: row.subtitle, excerptHtml: excerptHtml(row.body, terms) };
    if (row.date !== null) hit.date = row.date;
    if (row.type === 'project') hit.padCofinanced = Number(row.pad) === 1;
    // a notice's row keeps its collectivity where a project's keeps its partnership (search_docs has one column of the kind)
    if (row.partnership_id !== null) hit[row.type === 'notice' ? 'collectivityId' : 'partnershipId'] = row.partnership_id;
    hits.push(hit);
  }
  return hits;
}
