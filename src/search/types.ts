/**
 * The search API the web site codes against: a query that lives entirely in the URL, and a
 * result page with hits, disjunctive facet counts, suggestions and notices.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

/**
 * The shape of what build.ts writes. An index of another shape reads as no index, and the source
 * stamp it was recorded with as unknown, so that the site rebuilds it at its next start even over
 * an unchanged store. 2: facet values as codes (no labels of the project's vocabularies), homeKind
 * for the former frenchKind. 3: words folded by text/fold.ts (Arabic letter forms, tatweel and
 * Arabic-Indic digits folded too). 4: collectivities also found by their curated names in other
 * languages («مراكش»), and codes by their labels in every language of the site. 5: partner-search
 * notices (type `notice`), with their last days (`expiry` in the dictionary). 6: per-document
 * tallies (`search_tallies`, tally.ts), the statistics of a search summed from them.
 */
export const INDEX_VERSION = 6;

export const FACET_NAMES = ['type', 'domain', 'homeKind', 'partnerKind', 'region', 'pad', 'status', 'decade', 'funder'] as const;
export type FacetName = (typeof FACET_NAMES)[number];
export type HitType = 'partnership' | 'project' | 'collectivity' | 'notice';
export type SortOrder = 'relevance' | 'date' | 'name';

export interface SearchQuery {
  /** free user text, may be empty (= browse everything) */
  q: string;
  /** several values per facet: OR inside a facet, AND across facets */
  filters: Partial<Record<FacetName, string[]>>;
  sort: SortOrder;
  /** 1-based */
  page: number;
  /** 1..100, default 20 */
  perPage: number;
}

export interface SearchHit {
  type: HitType;
  id: string;
  /** plain text: the page escapes it */
  title: string;
  /** plain text: the page escapes it */
  subtitle: string;
  /** HTML: escaped text with `<mark>…</mark>` around matched words */
  excerptHtml: string;
  date?: string;
  padCofinanced?: boolean;
  /** for a project, its partnership */
  partnershipId?: string;
  /** for a notice, the collectivity that seeks (the page names it in its language) */
  collectivityId?: string;
}

export interface FacetValue {
  value: string;
  /** for values the directory's data names (domains, regions, funders); codes (types, statuses, kinds…) are labelled by the web layer */
  label?: string;
  count: number;
  selected: boolean;
  /** domains: the parent domain's code */
  parent?: string;
}

export interface SearchResult {
  /** the query as searched: clamped, and without filter values the directory does not know */
  query: SearchQuery;
  total: number;
  pages: number;
  hits: SearchHit[];
  facets: Record<FacetName, FacetValue[]>;
  /** when nothing matched: other queries that do match, best first, as URL search strings (`q=…&domain=…`) */
  suggestions: string[];
  /** messages for the reader (French): what was clamped, truncated or ignored */
  notices: string[];
  tookMs: number;
}

/**
 * What a search's results count for in the statistics (search/tally.ts): the sums of their
 * documents' tallies, whose keys the statistics make and read (stats/tallies.ts).
 */
export interface SearchTally {
  /** the query as searched */
  query: SearchQuery;
  total: number;
  found: { partnership: number; project: number; collectivity: number };
  counts: Record<string, number>;
  /** [key, entries, sum] */
  amounts: [string, number, number][];
  /** the records of the ranked documents summed (the PAD's projects), in their order, up to the limit asked */
  ranked: string[];
  /** records found whose documents were re-made since the build: their tallies are not in the sums */
  changed: { partnerships: string[]; projects: string[] };
}

export interface Searcher {
  /** `today` (YYYY-MM-DD, default: the system clock's day): partner-search notices past their last day are left out */
  search(query: SearchQuery, directoryId?: string, today?: string): Promise<SearchResult>;
  /**
   * The tallies of a query's results (`rankLimit`: the most ranked records named); undefined when
   * the index has none (built before them): the caller counts in the store instead
   */
  tally?(query: SearchQuery, directoryId: string | undefined, rankLimit: number, today?: string): Promise<SearchTally | undefined>;
  /** runs a read-only statement on the searcher's own SQLite connection (see store/off-thread.ts); absent on PostgreSQL */
  read?(sql: string, parameters: readonly unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

export interface SearcherOptions {
  databasePath: string;
  /** worker threads running searches (default: one per core but one, 1 or 2); 0 runs them on the calling thread */
  workers?: number;
}

export type RebuildSearchIndex = (
  db: Kysely<Database>,
  directoryId: string,
  onProgress?: (done: number, total: number) => void,
) => Promise<void>;

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
export const MAX_QUERY_LENGTH = 500;
/** Results beyond this rank are not browsable (deep pages cost a top-N of that size). */
export const MAX_WINDOW = 10_000;
