/**
 * The search itself: a synchronous core over an index loaded once per directory (the compact
 * facet codes and sort keys) and a few posting lists read per query (bitsets); one pass over the
 * matching documents per group of facets, and a top-N selection. Only the page's documents are
 * read back from the store.
 *
 * The core never reads the store itself: its steps are generators that yield each read they need
 * (`Read`, answered by `IndexReads`) and compute on the answer. `SearchEngine` answers them
 * synchronously on one read-only better-sqlite3 connection (a worker thread's, see pool.ts);
 * the PostgreSQL searcher (postgres/engine.ts) answers the same reads asynchronously through pg,
 * with the same core.
 * Size: the search core (`SearchCore`), its SQLite answerer and the bitset steps only they use: one query plan read top to bottom, reused whole by the PostgreSQL searcher.
 */
import type Sqlite from 'better-sqlite3';
import { Lru } from '../lru.js';
import type { FacetEntry, IndexDictionary } from './build.js';
import { addPostings, andInto, orInto, cardinality, emptySet, fullSet, type Bitset } from './bitset.js';
import { sanitizeQuery, searchParamsOf } from './params.js';
import { MAX_SUGGESTIONS, clampPage, hitsInOrder, type DocRow, emptyFacets, facetLists, nearestWord, neighbourhood, selectValues, suggestionCandidates, valueIndexOf } from './results.js';
import { queryTerms, stem, type QueryTerms } from './text.js';
import { deltaRows, overlay, patchTermSet, type DeltaDoc, type DeltaRead, type LoadedDelta } from './delta/overlay.js';
import { FACET_NAMES, INDEX_VERSION, MAX_WINDOW, type FacetName, type FacetValue, type SearchHit, type SearchQuery, type SearchResult, type SearchTally } from './types.js';
import { loadTallies, sumTallies, type LoadedTallies, type TallyRow } from './tally.js';

interface Group {
  facets: FacetName[];
  /** how many profiles (distinct codes) */
  count: number;
  /** per facet of the group, the value indexes of each profile: values[offsets[code] .. offsets[code + 1]] */
  members: { offsets: Uint32Array; values: Uint16Array }[];
  codes: Uint16Array | Uint32Array;
  /** counts over all documents */
  all: Uint32Array;
}

/** A directory's index as loaded: plain data over shared memory, so a worker can pass it to the others. */
export interface LoadedIndex {
  directoryId: string;
  size: number;
  facets: Record<FacetName, FacetEntry[]>;
  valueIndex: Record<FacetName, Map<string, number>>;
  groups: Group[];
  groupOf: Record<FacetName, number>;
  date: Int32Array;
  /** name ranks (fractional for the delta's documents, delta/overlay.ts) */
  name: Uint32Array | Float64Array;
  /** every document (without the delta's removed ones) */
  all: Bitset;
  /** how many documents `all` holds */
  live: number;
  /** the documents re-made since the build (delta/overlay.ts), if any */
  delta?: LoadedDelta;
  /** the notices' documents and last days (build.ts `IndexDictionary.expiry`) */
  expiry: [number, number][];
  /** the build it was loaded from */
  stamp: string | undefined;
}

interface TermSet {
  docs: Bitset;
  title: Bitset | undefined;
  df: number;
}

export interface EngineOptions {
  /** keep recent posting bitsets and filter sets in memory (default true) */
  cache?: boolean;
  /** called when an index was loaded from the store (a worker shares it with the others) */
  onLoad?: (index: LoadedIndex) => void;
}

/** A row of `search_terms` (with `df`) or `search_prefixes`. */
export interface PostingRow {
  df?: number;
  kind: number;
  postings: Uint8Array;
  title_kind: number | null;
  title_postings: Uint8Array | null;
}

/** The posting lists to read: terms, 2- or 3-letter prefixes (`search_prefixes`), longer prefixes (a range of terms). */
export interface PostingsWanted {
  terms: readonly string[];
  prefixes: readonly string[];
  ranges: readonly string[];
}

/** Their rows: by term, by prefix, and per longer prefix the 3 000 most frequent terms it starts. */
export interface Postings {
  terms: Map<string, PostingRow>;
  prefixes: Map<string, PostingRow>;
  ranges: Map<string, PostingRow[]>;
}

/** A known word near a misspelt one: its stem, frequency and spelling. */
export interface CandidateRow {
  term: string;
  df: number;
  surface: string;
}

export type Neighbourhood = NonNullable<ReturnType<typeof neighbourhood>>;

/**
 * Everything the engine reads from the store. An empty answer (undefined, no rows) when the
 * index tables do not exist yet.
 */
export interface IndexReads {
  /** the first directory with an index (by id) */
  firstDirectory(): string | undefined;
  /** the stamp of the directory's build */
  stamp(directoryId: string): string | undefined;
  /** the directory's `search_meta` rows */
  meta(directoryId: string): { key: string; value: Uint8Array | string }[];
  /** the posting lists a query needs, in one read */
  postings(directoryId: string, wanted: PostingsWanted): Postings;
  /** the terms spelt near a word (results.ts `neighbourhood`) */
  candidates(directoryId: string, around: Neighbourhood): CandidateRow[];
  /** the documents' rows, any order */
  docs(directoryId: string, docs: readonly number[]): DocRow[];
  /** the delta over the directory's build: its version, and its entries when `known` is not that version */
  delta(directoryId: string, known: string | undefined): DeltaRead;
  /** the per-document tallies of the directory's build (tally.ts); none for a build made before them */
  tallies(directoryId: string): TallyRow[];
}

/** One read the core asks for. */
export type Read = { [K in keyof IndexReads]: { op: K; args: Parameters<IndexReads[K]> } }[keyof IndexReads];

/** A computation of the core: yields reads, is resumed with their answers, returns T. */
export type Steps<T> = Generator<Read, T, unknown>;

function* read<K extends keyof IndexReads>(op: K, ...args: Parameters<IndexReads[K]>): Steps<ReturnType<IndexReads[K]>> {
  return (yield { op, args } as Read) as ReturnType<IndexReads[K]>;
}

/** Runs steps, answering each read synchronously. */
export function runSteps<T>(steps: Steps<T>, reads: IndexReads): T {
  let next = steps.next();
  while (next.done !== true) {
    const { op, args } = next.value;
    next = steps.next((reads[op] as (...a: unknown[]) => unknown).apply(reads, args));
  }
  return next.value;
}

/** The same reads, answered asynchronously (PostgreSQL). */
export type AsyncIndexReads = { [K in keyof IndexReads]: (...args: Parameters<IndexReads[K]>) => Promise<ReturnType<IndexReads[K]>> };

/** Runs steps, awaiting each read. */
export async function runStepsAsync<T>(steps: Steps<T>, reads: AsyncIndexReads): Promise<T> {
  let next = steps.next();
  while (next.done !== true) {
    const { op, args } = next.value;
    next = steps.next(await (reads[op] as (...a: unknown[]) => Promise<unknown>).apply(reads, args));
  }
  return next.value;
}

const CACHE_ENTRIES = 16;

/** The result while a directory has no index. */
export function notBuiltResult(input: SearchQuery, started: number): SearchResult {
  const { query, notices } = sanitizeQuery(input);
  notices.push("L'index de recherche n'est pas encore construit : aucun résultat.");
  return { query, total: 0, pages: 0, hits: [], facets: emptyFacets(), suggestions: [], notices, tookMs: performance.now() - started };
}

/**
 * The engine's state and computation, whatever the store: the indexes loaded, the recent posting
 * and filter sets; `searchSteps` is a search as steps for a driver to run.
 */
export class SearchCore {
  private readonly indexes = new Map<string, LoadedIndex | null>();
  private readonly overlays = new Map<string, { base: LoadedIndex; index: LoadedIndex }>();
  private readonly sets: Lru<string, TermSet>;
  private readonly filters: Lru<string, Bitset>;
  private readonly onLoad: ((index: LoadedIndex) => void) | undefined;
  /** per directory, the tallies of the build they were read with (only when a search's statistics are asked for) */
  private readonly tallied = new Map<string, { stamp: string | undefined; tallies: LoadedTallies | undefined }>();

  constructor(options: EngineOptions = {}) {
    const caching = options.cache ?? true;
    this.onLoad = options.onLoad;
    this.sets = new Lru(caching ? CACHE_ENTRIES : 0);
    this.filters = new Lru(caching ? CACHE_ENTRIES : 0);
  }

  /** Takes an index another engine loaded (kept only while the store holds that build). */
  install(index: LoadedIndex): void {
    const current = this.indexes.get(index.directoryId);
    this.indexes.set(index.directoryId, index); // the shared copy replaces one loaded here: ours goes to the collector
    if (current?.stamp !== index.stamp) {
      this.sets.clear();
      this.filters.clear();
    }
  }

  /** Forgets loaded indexes (after a rebuild). */
  reset(): void {
    this.indexes.clear();
    this.overlays.clear();
    this.sets.clear();
    this.filters.clear();
  }

  *searchSteps(input: SearchQuery, directoryId?: string, today: string = dayKeyOf(new Date())): Steps<SearchResult> {
    const started = performance.now();
    const { query, notices } = sanitizeQuery(input);
    const index = yield* this.index(directoryId);
    if (index === null) return notBuiltResult(input, started);
    const selection = this.selection(index, query, notices);
    const terms = queryTerms(query.q);
    const match = withoutExpired(index, yield* this.matchSet(index, terms), today);
    const filterSets = new Map<FacetName, Bitset>();
    for (const [facet, ids] of selection) filterSets.set(facet, this.filterSet(index, facet, ids));

    const results = this.combine(index, match?.docs, [...filterSets.values()]);
    const total = results === undefined ? index.live : cardinality(results);
    const facets = this.countFacets(index, match?.docs, filterSets, selection, results);

    const window = Math.min(total, MAX_WINDOW);
    const pages = clampPage(query, total, notices);
    const ranked = this.top(index, results, query, match, Math.min(query.page * query.perPage, window));
    const pageDocs = ranked.slice((query.page - 1) * query.perPage, query.page * query.perPage);
    const hits = yield* this.hits(index, pageDocs, terms);
    const suggestions = total === 0 ? yield* this.suggest(index, query, terms, today) : [];
    return { query, total, pages, hits, facets, suggestions, notices, tookMs: performance.now() - started };
  }

  /**
   * The tallies summed over a query's results (tally.ts), for its statistics; undefined when the
   * build has none. The documents ranked and re-made since the build are named by their records.
   */
  *tallySteps(input: SearchQuery, directoryId: string | undefined, rankLimit: number, today: string = dayKeyOf(new Date())): Steps<SearchTally | undefined> {
    const { query, notices } = sanitizeQuery(input);
    const index = yield* this.index(directoryId);
    if (index === null) return undefined;
    let kept = this.tallied.get(index.directoryId);
    if (kept === undefined || kept.stamp !== index.stamp) {
      kept = { stamp: index.stamp, tallies: loadTallies(yield* read('tallies', index.directoryId), index.size) };
      this.tallied.set(index.directoryId, kept);
    }
    const tallies = kept.tallies;
    if (tallies === undefined) return undefined;
    const results = (yield* this.resultSet(index, query, notices, today)) ?? index.all;
    const deltaDocs = index.delta?.docs;
    const sums = sumTallies(tallies, results, new Set(deltaDocs?.keys() ?? []), rankLimit);
    const rows = sums.ranked.length === 0 ? [] : yield* read('docs', index.directoryId, sums.ranked);
    const recordOf = new Map(rows.map((row) => [Number(row.doc), row.record_id]));
    const changed = { partnerships: [] as string[], projects: [] as string[] };
    for (const doc of sums.changed) {
      const row = deltaDocs?.get(doc)?.row;
      if (row?.type === 'partnership') changed.partnerships.push(row.record_id);
      else if (row?.type === 'project') changed.projects.push(row.record_id);
    }
    return {
      query,
      total: sums.total,
      found: sums.found,
      counts: sums.counts,
      amounts: sums.amounts,
      ranked: sums.ranked.map((doc) => recordOf.get(doc)).filter((id): id is string => id !== undefined),
      changed,
    };
  }

  /** How many documents a query matches (no facets, no hits). */
  private *count(input: SearchQuery, directoryId: string | undefined, today: string): Steps<number> {
    const { query } = sanitizeQuery(input);
    const index = yield* this.index(directoryId);
    if (index === null) return 0;
    const results = yield* this.resultSet(index, query, [], today);
    return results === undefined ? index.live : cardinality(results);
  }

  /** The documents a query matches, without the facets' counts; undefined for every document. */
  private *resultSet(index: LoadedIndex, query: SearchQuery, notices: string[], today: string): Steps<Bitset | undefined> {
    const selection = this.selection(index, query, notices);
    const match = withoutExpired(index, yield* this.matchSet(index, queryTerms(query.q)), today);
    const sets = [...selection].map(([facet, ids]) => this.filterSet(index, facet, ids));
    return this.combine(index, match?.docs, sets);
  }

  // ---------------------------------------------------------------- loading

  private *index(directoryId?: string): Steps<LoadedIndex | null> {
    const id = typeof directoryId === 'string' ? directoryId : yield* read('firstDirectory');
    if (id === undefined) return null;
    const current = yield* read('stamp', id);
    let index = this.indexes.get(id);
    if (index === undefined || (index !== null && index.stamp !== current) || (index === null && current !== undefined)) {
      if (index !== undefined) {
        this.sets.clear();
        this.filters.clear();
      }
      index = load(id, yield* read('meta', id));
      this.indexes.set(id, index);
      if (index !== null) this.onLoad?.(index);
    }
    if (index === null) return index;
    // the delta over this build: the overlay made once per version
    const made = this.overlays.get(id);
    const known = made?.base === index ? made.index.delta?.version : undefined;
    const delta = yield* read('delta', id, known);
    if (delta.version === undefined) return index;
    if (delta.version === known) return made!.index;
    const patched = overlay(index, delta.version, delta.entries ?? []);
    this.overlays.set(id, { base: index, index: patched });
    return patched;
  }

  // ---------------------------------------------------------------- matching

  /** The selected values the directory knows, by facet; unknown ones are dropped with a notice. */
  private selection(index: LoadedIndex, query: SearchQuery, notices: string[]): Map<FacetName, number[]> {
    return selectValues(index.valueIndex, query, notices);
  }

  /**
   * Documents matching any group of the query (each group: every one of its terms), without those
   * holding an excluded term (undefined: no terms, every document), with what ranking needs: the
   * parts of every group.
   */
  private *matchSet(index: LoadedIndex, terms: QueryTerms): Steps<{ docs: Bitset; parts: TermSet[] } | undefined> {
    if (terms.groups.length === 0 && terms.excluded.length === 0) return undefined;
    const prefixKey = `${scope(index)}\u0000p\u0000${terms.prefixes.join('\u0000')}`;
    const cachedPrefix = terms.prefixes.length === 0 ? undefined : this.sets.get(prefixKey);
    const prefixes = terms.prefixes.length === 0 || cachedPrefix !== undefined ? [] : terms.prefixes;
    const short = prefixes.filter((prefix) => prefix.length <= 3);
    // every posting list not cached, in one read; a whole short word is a term too ("fes", "eau")
    // the sets cached now (another search may change the cache while this one reads)
    const wanted = [...new Set([...terms.exact, ...terms.excluded])];
    const cached = new Map(wanted.map((term) => [term, this.sets.get(termKey(index, term))]));
    const rows = yield* this.postings(index, {
      terms: [...new Set([...wanted.filter((term) => cached.get(term) === undefined), ...short])],
      prefixes: short.filter((prefix) => prefix.length >= 2),
      ranges: prefixes.filter((prefix) => prefix.length > 3),
    });
    const setOf = new Map(wanted.map((term) => [term, cached.get(term) ?? this.termSet(index, term, rows)]));
    const parts = terms.exact.map((term) => setOf.get(term)!);
    let prefixSet: TermSet | undefined;
    if (terms.prefixes.length > 0) {
      prefixSet = cachedPrefix;
      if (prefixSet === undefined) {
        const found: PostingRow[] = [];
        for (const prefix of prefixes) {
          if (prefix.length <= 3) found.push(...[rows.prefixes.get(prefix), rows.terms.get(prefix)].filter((row) => row !== undefined));
          else found.push(...(rows.ranges.get(prefix) ?? []));
        }
        prefixSet = patchTermSet(index, toTermSet(index.size, found), (term) => prefixes.some((prefix) => term.startsWith(prefix)));
        this.sets.set(prefixKey, prefixSet);
      }
      parts.push(prefixSet);
    }
    // only the query's last group has a prefix (the word being typed)
    const docs = terms.groups.length === 0 ? new Uint32Array(index.all) : emptySet(index.size);
    for (const group of terms.groups) {
      const groupParts = group.exact.map((term) => setOf.get(term)!);
      if (group.prefixes.length > 0) groupParts.push(prefixSet!);
      groupParts.sort((a, b) => a.df - b.df);
      const groupDocs = new Uint32Array(groupParts[0]!.docs);
      for (let i = 1; i < groupParts.length; i += 1) andInto(groupDocs, groupParts[i]!.docs);
      if (terms.groups.length === 1) docs.set(groupDocs);
      else orInto(docs, groupDocs);
    }
    for (const term of terms.excluded) {
      const excluded = setOf.get(term)!.docs;
      for (let i = 0; i < docs.length; i += 1) docs[i] = docs[i]! & ~excluded[i]!;
    }
    parts.sort((a, b) => a.df - b.df);
    return { docs, parts };
  }

  private *postings(index: LoadedIndex, wanted: PostingsWanted): Steps<Postings> {
    if (wanted.terms.length + wanted.prefixes.length + wanted.ranges.length === 0) return { terms: new Map(), prefixes: new Map(), ranges: new Map() };
    return yield* read('postings', index.directoryId, wanted);
  }

  /** A term's set from the rows just read (absent: unknown, no documents), then cached. */
  private termSet(index: LoadedIndex, term: string, rows: Postings): TermSet {
    const row = rows.terms.get(term);
    const read = row === undefined ? { docs: emptySet(index.size), title: undefined, df: 0 } : toTermSet(index.size, [row]);
    const set = patchTermSet(index, read, (t) => t === term);
    this.sets.set(termKey(index, term), set);
    return set;
  }

  private filterSet(index: LoadedIndex, facet: FacetName, ids: readonly number[]): Bitset {
    const key = `${scope(index)}\u0000${facet}\u0000${[...ids].sort((a, b) => a - b).join(',')}`;
    const cached = this.filters.get(key);
    if (cached !== undefined) return cached;
    const set = documentsWith(index, facet, ids);
    if (index.delta !== undefined) andInto(set, index.all); // the removed documents keep their codes
    this.filters.set(key, set);
    return set;
  }

  /** match ∧ every set; undefined when there is nothing to intersect (every document). */
  private combine(index: LoadedIndex, match: Bitset | undefined, sets: readonly Bitset[]): Bitset | undefined {
    const all = [...(match === undefined ? [] : [match]), ...sets];
    if (all.length === 0) return undefined;
    const result = new Uint32Array(all[0]!);
    for (let i = 1; i < all.length; i += 1) andInto(result, all[i]!);
    void index;
    return result;
  }

  // ---------------------------------------------------------------- facets

  /**
   * Disjunctive counts: facets without a selection are counted on the results; a facet with a
   * selection on the results of the query and the OTHER facets' filters.
   */
  private countFacets(
    index: LoadedIndex,
    match: Bitset | undefined,
    filterSets: Map<FacetName, Bitset>,
    selection: Map<FacetName, number[]>,
    results: Bitset | undefined,
  ): Record<FacetName, FacetValue[]> {
    const counts = {} as Record<FacetName, Float64Array>;
    const plainGroups = new Set<number>();
    for (const facet of FACET_NAMES) if (!selection.has(facet)) plainGroups.add(index.groupOf[facet]);
    const histograms = this.histograms(index, results, [...plainGroups]);
    for (const facet of FACET_NAMES) {
      if (selection.has(facet)) continue;
      const g = index.groupOf[facet];
      counts[facet] = expand(index, g, facet, histograms.get(g)!);
    }
    for (const facet of selection.keys()) {
      const others = [...filterSets].filter(([f]) => f !== facet).map(([, set]) => set);
      const base = this.combine(index, match, others);
      const g = index.groupOf[facet];
      counts[facet] = expand(index, g, facet, this.histograms(index, base, [g]).get(g)!);
    }
    return facetLists(index.facets, counts, selection);
  }

  /** Code counts of the groups over a set; a set larger than half is counted by its complement. */
  private histograms(index: LoadedIndex, set: Bitset | undefined, groups: readonly number[]): Map<number, Uint32Array> {
    const out = new Map<number, Uint32Array>();
    if (groups.length === 0) return out;
    if (set === undefined) {
      for (const g of groups) out.set(g, index.groups[g]!.all);
      return out;
    }
    const complement = cardinality(set) * 2 > index.size;
    if (groups.length === 1) {
      const g = groups[0]!;
      out.set(g, histogram(index.groups[g]!, set, index.all, complement));
      return out;
    }
    const columns = groups.map((g) => index.groups[g]!.codes);
    const hist = groups.map((g) => new Uint32Array(index.groups[g]!.count));
    const n = set.length;
    const full = index.all;
    const k = columns.length;
    for (let i = 0; i < n; i += 1) {
      let w = complement ? ~set[i]! & full[i]! : set[i]!;
      while (w !== 0) {
        const low = w & -w;
        const doc = (i << 5) + 31 - Math.clz32(low);
        w ^= low;
        for (let c = 0; c < k; c += 1) hist[c]![columns[c]![doc]!]! += 1;
      }
    }
    groups.forEach((g, c) => {
      const h = hist[c]!;
      if (complement) {
        const all = index.groups[g]!.all;
        for (let code = 0; code < h.length; code += 1) h[code] = all[code]! - h[code]!;
      }
      out.set(g, h);
    });
    return out;
  }

  // ---------------------------------------------------------------- ranking

  /** The first `limit` documents of the results in the query's order. */
  private top(index: LoadedIndex, results: Bitset | undefined, query: SearchQuery, match: { parts: TermSet[] } | undefined, limit: number): number[] {
    if (limit <= 0) return [];
    const set = results ?? index.all;
    if (query.sort === 'relevance') return byRelevance(set, match?.parts ?? [], index.live, limit);
    const heap = new TopN(limit);
    const key = query.sort === 'date' ? index.date : index.name;
    const sign = query.sort === 'date' ? 1 : -1;
    for (let i = 0; i < set.length; i += 1) {
      let w = set[i]!;
      while (w !== 0) {
        const low = w & -w;
        const doc = (i << 5) + 31 - Math.clz32(low);
        w ^= low;
        heap.offer(sign * key[doc]!, doc);
      }
    }
    return heap.sorted();
  }

  // ---------------------------------------------------------------- hits

  private *hits(index: LoadedIndex, docs: readonly number[], terms: QueryTerms): Steps<SearchHit[]> {
    if (docs.length === 0) return [];
    const { rows, rest } = deltaRows(index, docs);
    return hitsInOrder(docs, [...rows, ...(rest.length === 0 ? [] : yield* read('docs', index.directoryId, rest))], terms);
  }

  // ---------------------------------------------------------------- suggestions

  /** Queries that do find something: the misspelt words corrected, then one filter or one word fewer. */
  private *suggest(index: LoadedIndex, query: SearchQuery, terms: QueryTerms, today: string): Steps<string[]> {
    // spelling: each word the index does not know, replaced by its nearest known word
    const corrections = new Map<string, string>();
    for (const word of terms.words) {
      const term = stem(word);
      const known = this.sets.get(termKey(index, term)) ?? this.termSet(index, term, yield* this.postings(index, { terms: [term], prefixes: [], ranges: [] }));
      if (known.df > 0) continue;
      const near = yield* this.nearest(index, word);
      if (near !== undefined) corrections.set(word, near);
    }
    const out: string[] = [];
    for (const candidate of suggestionCandidates(query, terms, corrections)) {
      if (out.length >= MAX_SUGGESTIONS) break;
      if ((yield* this.count(candidate, index.directoryId, today)) > 0) out.push(searchParamsOf(candidate).toString());
    }
    return out;
  }

  /** The known word nearest to a misspelt one (same first letter, by edit distance then frequency). */
  private *nearest(index: LoadedIndex, word: string): Steps<string | undefined> {
    const around = neighbourhood(word);
    if (around === undefined) return undefined;
    return nearestWord(word, around.max, yield* read('candidates', index.directoryId, around));
  }
}

/** The engine's statements; prepared when first needed (the index tables may not exist yet). */
const SQL = {
  firstDirectory: `SELECT directory_id FROM search_meta WHERE key = 'dict' ORDER BY directory_id LIMIT 1`,
  meta: `SELECT key, value FROM search_meta WHERE directory_id = ?`,
  stamp: `SELECT value FROM search_meta WHERE directory_id = ? AND key = 'stamp'`,
  term: `SELECT df, kind, postings, title_kind, title_postings FROM search_terms WHERE directory_id = ? AND term = ?`,
  prefix: `SELECT kind, postings, title_kind, title_postings FROM search_prefixes WHERE directory_id = ? AND prefix = ?`,
  range: `SELECT term, df, kind, postings, title_kind, title_postings FROM search_terms WHERE directory_id = ? AND term >= ? AND term < ? ORDER BY df DESC LIMIT 3000`,
  candidates: `SELECT term, df, surface FROM search_terms WHERE directory_id = ? AND term >= ? AND term < ? AND length(term) BETWEEN ? AND ?`,
  docs: `SELECT doc, type, record_id, partnership_id, title, subtitle, date, pad, body FROM search_docs WHERE directory_id = ? AND doc IN (SELECT value FROM json_each(?))`,
  deltaVersion: `SELECT value FROM search_meta WHERE directory_id = ? AND key = 'delta'`,
  delta: `SELECT entry FROM search_delta WHERE directory_id = ?`,
  tallies: `SELECT key, value FROM search_tallies WHERE directory_id = ?`,
} as const;

/** The engine on a SQLite store: the core's reads answered synchronously by one better-sqlite3 connection. */
export class SearchEngine extends SearchCore {
  private readonly prepared = new Map<keyof typeof SQL, Sqlite.Statement>();
  private readonly reads: IndexReads;

  constructor(
    private readonly db: Sqlite.Database,
    options: EngineOptions = {},
  ) {
    super(options);
    const byKey = (name: 'term' | 'prefix', directoryId: string, keys: readonly string[]) => {
      const out = new Map<string, PostingRow>();
      for (const key of keys) {
        const row = this.statement(name)?.get(directoryId, key) as PostingRow | undefined;
        if (row !== undefined) out.set(key, row);
      }
      return out;
    };
    const range = (directoryId: string, prefix: string) => (this.statement('range')?.all(directoryId, prefix, `${prefix}\uffff`) ?? []) as PostingRow[];
    this.reads = {
      firstDirectory: () => this.statement('firstDirectory')?.pluck().get() as string | undefined,
      stamp: (directoryId) => {
        const stamp = this.statement('stamp')?.pluck().get(directoryId) as string | Buffer | undefined;
        return stamp === undefined ? undefined : String(stamp);
      },
      meta: (directoryId) => (this.statement('meta')?.all(directoryId) ?? []) as { key: string; value: Buffer | string }[],
      postings: (directoryId, wanted) => ({
        terms: byKey('term', directoryId, wanted.terms),
        prefixes: byKey('prefix', directoryId, wanted.prefixes),
        ranges: new Map(wanted.ranges.map((prefix) => [prefix, range(directoryId, prefix)])),
      }),
      candidates: (directoryId, around) =>
        (this.statement('candidates')?.all(directoryId, around.first, around.next, around.minLength, around.maxLength) ?? []) as CandidateRow[],
      docs: (directoryId, docs) => (this.statement('docs')?.all(directoryId, JSON.stringify(docs)) ?? []) as DocRow[],
      delta: (directoryId, known) => {
        const version = this.statement('deltaVersion')?.pluck().get(directoryId) as string | Buffer | undefined;
        if (version === undefined || String(version) === known) return { version: version === undefined ? undefined : String(version) };
        const entries = ((this.statement('delta')?.pluck().all(directoryId) ?? []) as string[]).map((entry) => JSON.parse(entry) as DeltaDoc);
        return { version: String(version), entries };
      },
      tallies: (directoryId) => (this.statement('tallies')?.all(directoryId) ?? []) as TallyRow[],
    };
  }

  /** A statement, or undefined while the index tables do not exist. */
  private statement(name: keyof typeof SQL): Sqlite.Statement | undefined {
    let statement = this.prepared.get(name);
    if (statement === undefined) {
      try {
        statement = this.db.prepare(SQL[name]);
      } catch {
        return undefined;
      }
      this.prepared.set(name, statement);
    }
    return statement;
  }

  search(input: SearchQuery, directoryId?: string, today?: string): SearchResult {
    // one read transaction: one snapshot of the index, even while a rebuild commits
    return this.db.transaction(() => runSteps(this.searchSteps(input, directoryId, today), this.reads))();
  }

  tally(input: SearchQuery, directoryId: string | undefined, rankLimit: number, today?: string): SearchTally | undefined {
    return this.db.transaction(() => runSteps(this.tallySteps(input, directoryId, rankLimit, today), this.reads))();
  }
}

// ------------------------------------------------------------------ helpers

/** A directory's index from its `search_meta` rows; null when it has none. */
function load(directoryId: string, rows: readonly { key: string; value: Uint8Array | string }[]): LoadedIndex | null {
  const meta = new Map<string, Uint8Array | string>();
  for (const row of rows) meta.set(row.key, row.value);
  const text = meta.get('dict');
  if (text === undefined) return null;
  const dict = JSON.parse(typeof text === 'string' ? text : Buffer.from(text).toString('utf8')) as IndexDictionary;
  if (dict.version !== INDEX_VERSION) return null; // built by an older version: to be rebuilt
  const size = dict.size;
  const blob = (key: string) => {
    const value = meta.get(key);
    return value instanceof Uint8Array ? value : Buffer.alloc(0);
  };
  const groupOf = {} as Record<FacetName, number>;
  const groups: Group[] = dict.groups.map((group, g) => {
    for (const facet of group.facets) groupOf[facet] = g;
    const bytes = blob(`codes${g}`);
    const copy = sharedBytes(bytes); // aligned, and shareable between workers
    const codes = group.wide ? new Uint32Array(copy.buffer) : new Uint16Array(copy.buffer);
    const all = new Uint32Array(group.profiles.length);
    for (let d = 0; d < size; d += 1) all[codes[d]!]! += 1;
    const members = group.facets.map((_, position) => {
      const offsets = new Uint32Array(new SharedArrayBuffer((group.profiles.length + 1) * 4));
      for (let code = 0; code < group.profiles.length; code += 1) offsets[code + 1] = offsets[code]! + group.profiles[code]![position]!.length;
      const values = new Uint16Array(new SharedArrayBuffer(Math.max(2, offsets[group.profiles.length]! * 2)));
      let at = 0;
      for (const profile of group.profiles) for (const id of profile[position]!) values[at++] = id;
      return { offsets, values };
    });
    return { facets: group.facets, count: group.profiles.length, members, codes, all };
  });
  const valueIndex = valueIndexOf(dict.facets);
  const stamp = meta.get('stamp');
  return {
    directoryId,
    size,
    facets: dict.facets,
    valueIndex,
    groups,
    groupOf,
    date: new Int32Array(sharedBytes(blob('date')).buffer),
    name: new Uint32Array(sharedBytes(blob('name')).buffer),
    all: fullSet(size),
    live: size,
    expiry: dict.expiry ?? [],
    stamp: stamp === undefined ? undefined : typeof stamp === 'string' ? stamp : Buffer.from(stamp).toString('utf8'),
  };
}

/** The day of a moment, YYYY-MM-DD (UTC, as the notices' days). */
export function dayKeyOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * The match without the notices past their last day (build.ts `IndexDictionary.expiry`): every
 * later step (facet counts, totals, ranking, suggestions) works on it, so an expired notice is
 * neither found nor counted. Undefined stays undefined when nothing has expired (every document).
 */
function withoutExpired(index: LoadedIndex, match: { docs: Bitset; parts: TermSet[] } | undefined, today: string): { docs: Bitset; parts: TermSet[] } | undefined {
  const day = Number(today.replace(/-/g, ''));
  const expired = index.expiry.filter(([, until]) => until < day);
  if (expired.length === 0) return match;
  const docs = new Uint32Array(match === undefined ? index.all : match.docs);
  for (const [doc] of expired) docs[doc >>> 5]! &= ~(1 << (doc & 31));
  return { docs, parts: match?.parts ?? [] };
}

function toTermSet(size: number, rows: readonly PostingRow[]): TermSet {
  const docs = emptySet(size);
  let title: Bitset | undefined;
  for (const row of rows) {
    addPostings(docs, row.kind, row.postings);
    if (row.title_postings !== null && row.title_kind !== null) addPostings((title ??= emptySet(size)), row.title_kind, row.title_postings);
  }
  return { docs, title, df: rows.length === 1 && rows[0]!.df !== undefined ? rows[0]!.df : cardinality(docs) };
}

/** The cache keys' start: the directory and its build (a search still reading an older build cannot fill the cache for the newer one). */
function scope(index: LoadedIndex): string {
  return `${index.directoryId}\u0000${index.stamp ?? ''}\u0000${index.delta?.version ?? ''}`;
}

function termKey(index: LoadedIndex, term: string): string {
  return `${scope(index)}\u0000t\u0000${term}`;
}

/** A copy of bytes in shared memory: the loaded index can be handed to other workers without copying. */
function sharedBytes(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  copy.set(bytes);
  return copy;
}

/**
 * The documents with any of a facet's values `ids`, from the per-document profile codes: the
 * profiles that hold one of the values, then one pass over the documents (a few milliseconds at
 * a million; the result is cached with the filters). Not kept per value: those sets took 16 MB
 * at a million documents, for the few a search filters on.
 */
function documentsWith(index: LoadedIndex, facet: FacetName, ids: readonly number[]): Bitset {
  const set = emptySet(index.size);
  const group = index.groups[index.groupOf[facet]]!;
  const { offsets, values } = group.members[group.facets.indexOf(facet)]!;
  const wanted = new Set(ids);
  const matching = new Uint8Array(group.count);
  let any = false;
  for (let code = 0; code < group.count; code += 1) {
    for (let at = offsets[code]!; at < offsets[code + 1]!; at += 1) {
      if (wanted.has(values[at]!)) {
        matching[code] = 1;
        any = true;
        break;
      }
    }
  }
  if (!any) return set;
  const codes = group.codes;
  for (let d = 0; d < index.size; d += 1) if (matching[codes[d]!] === 1) set[d >>> 5]! |= 1 << (d & 31);
  return set;
}

/** Title parts taken into account for ranking (2^n patterns are scanned). */
const MAX_RANKED_PARTS = 6;

/**
 * Relevance: the idf-weighted sum of the query's parts found in the title, then the document's
 * number — documents are numbered collectivities, partnerships, projects, so a record named by
 * the query comes before the projects that mention it. The score only depends on which parts
 * are in the title (a "pattern"), so the results are scanned pattern by pattern, best first, in
 * document order, word by word on the bitsets, until the page is full.
 */
function byRelevance(set: Bitset, parts: readonly TermSet[], size: number, limit: number): number[] {
  const titled = parts
    .filter((p) => p.title !== undefined)
    .slice(0, MAX_RANKED_PARTS)
    .map((p) => ({ title: p.title!, weight: Math.log(1 + size / Math.max(1, p.df)) }));
  const patterns = Array.from({ length: 1 << titled.length }, (_, mask) => ({
    mask,
    score: titled.reduce((sum, part, j) => (mask & (1 << j) ? sum + part.weight : sum), 0),
  })).sort((a, b) => b.score - a.score || a.mask - b.mask);
  const out: number[] = [];
  for (const { mask } of patterns) {
    for (let i = 0; i < set.length; i += 1) {
      let w = set[i]!;
      for (let j = 0; j < titled.length && w !== 0; j += 1) w &= mask & (1 << j) ? titled[j]!.title[i]! : ~titled[j]!.title[i]!;
      while (w !== 0) {
        const low = w & -w;
        out.push((i << 5) + 31 - Math.clz32(low));
        if (out.length === limit) return out;
        w ^= low;
      }
    }
  }
  return out;
}

/** Code counts of one group over a set (or over everything but the set, subtracted from the totals). */
function histogram(group: Group, set: Bitset, all: Bitset, complement: boolean): Uint32Array {
  const hist = new Uint32Array(group.count);
  const codes = group.codes;
  for (let i = 0; i < set.length; i += 1) {
    let w = complement ? ~set[i]! & all[i]! : set[i]!;
    while (w !== 0) {
      const low = w & -w;
      hist[codes[(i << 5) + 31 - Math.clz32(low)]!]! += 1;
      w ^= low;
    }
  }
  if (complement) for (let code = 0; code < hist.length; code += 1) hist[code] = group.all[code]! - hist[code]!;
  return hist;
}

function expand(index: LoadedIndex, g: number, facet: FacetName, histogram: Uint32Array): Float64Array {
  const group = index.groups[g]!;
  const position = group.facets.indexOf(facet);
  const counts = new Float64Array(index.facets[facet].length);
  for (let code = 0; code < histogram.length; code += 1) {
    const n = histogram[code]!;
    if (n === 0) continue;
    const { offsets, values } = group.members[position]!;
    for (let k = offsets[code]!; k < offsets[code + 1]!; k += 1) counts[values[k]!]! += n;
  }
  return counts;
}

/** The best `limit` (score, doc) pairs: higher score first, then lower doc. */
class TopN {
  private readonly scores: Float64Array;
  private readonly docs: Int32Array;
  private n = 0;

  constructor(private readonly limit: number) {
    this.scores = new Float64Array(limit);
    this.docs = new Int32Array(limit);
  }

  /** worse(a, b): a ranks after b */
  private worse(i: number, j: number): boolean {
    const a = this.scores[i]!;
    const b = this.scores[j]!;
    return a < b || (a === b && this.docs[i]! > this.docs[j]!);
  }

  offer(score: number, doc: number): void {
    if (this.n < this.limit) {
      let i = this.n++;
      this.scores[i] = score;
      this.docs[i] = doc;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    // the root is the worst kept; docs come in increasing order, so a tie never replaces it
    if (score <= this.scores[0]!) return;
    this.scores[0] = score;
    this.docs[0] = doc;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < this.n && this.worse(l, worst)) worst = l;
      if (r < this.n && this.worse(r, worst)) worst = r;
      if (worst === i) break;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(i: number, j: number): void {
    const s = this.scores[i]!;
    this.scores[i] = this.scores[j]!;
    this.scores[j] = s;
    const d = this.docs[i]!;
    this.docs[i] = this.docs[j]!;
    this.docs[j] = d;
  }

  sorted(): number[] {
    const order = Array.from({ length: this.n }, (_, i) => i);
    order.sort((i, j) => this.scores[j]! - this.scores[i]! || this.docs[i]! - this.docs[j]!);
    return order.map((i) => this.docs[i]!);
  }
}
