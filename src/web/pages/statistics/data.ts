/**
 * The statistics page's view model: the census's statistics (`CensusStats`, src/stats), of the
 * whole directory or, when the URL carries a search (`q` or a facet), of the partnerships that
 * answer it: the searcher gives their ids (partnership hits, and the partnerships of project
 * hits), and the statistics are computed over the store for those ids.
 */
import { RepertoireError } from '../../../errors.js';
import { FACET_ALIASES, parseSearchParams } from '../../../search/params.js';
import { z } from 'zod';
import { FACET_NAMES, MAX_PER_PAGE, MAX_WINDOW, type SearchQuery, type SearchResult, type Searcher } from '../../../search/types.js';
import { CensusStats, DomainRow } from '../../../stats/model.js';
import { directoryRates, loadStats } from '../../../stats/load.js';
import { buildStats } from '../../../stats/build.js';
import { talliedAggregates } from '../../../stats/tallies.js';
import type { Directory } from '../../data/directory.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/tables.js';
import { facetValueLabel } from '../../i18n/codes.js';
import { DEFAULT_LOCALE } from '../../i18n/index.js';
import type { PageInput, QueryParams } from '../../page.js';
import { domainLabelIn } from '../common.js';

export { CensusStats };

export const STATISTICS_PATH = '/statistiques';

/** The search parameters of a URL's query, when it carries a search (text or a facet). */
export function searchOf(query: QueryParams): QueryParams | undefined {
  const keys = ['q', ...FACET_NAMES, ...Object.keys(FACET_ALIASES)]; // a facet's former name still selects
  const kept: QueryParams = {};
  let any = false;
  for (const key of keys) {
    const value = query[key];
    if (value === undefined) continue;
    const values = (Array.isArray(value) ? value : [value]).filter((v) => v.trim() !== '');
    if (values.length === 0) continue;
    kept[key] = values.length === 1 ? values[0] : values;
    any = true;
  }
  return any ? kept : undefined;
}

/**
 * The ids of the partnerships a search finds: its partnership hits and its project hits'
 * partnerships, every page of results up to the searcher's window (`MAX_WINDOW`).
 */
export async function matchingPartnershipIds(searcher: Searcher, query: SearchQuery, directoryId: string): Promise<string[]> {
  return (await searchResults(searcher, query, directoryId)).partnershipIds;
}

/** What a search found, for its statistics: the records by type, and the partnerships they concern. */
interface FoundRecords {
  /** the partnerships found, and those of the projects found */
  partnershipIds: string[];
  projectIds: string[];
  scope: SearchScope;
}

/** Every page of a search's results, up to the searcher's window (`MAX_WINDOW`). */
async function searchResults(searcher: Searcher, query: SearchQuery, directoryId: string): Promise<FoundRecords> {
  const partnerships = new Set<string>();
  const projects = new Set<string>();
  const found = { partnership: 0, project: 0, collectivity: 0 };
  let first: SearchResult | undefined;
  for (let page = 1; page <= Math.ceil(MAX_WINDOW / MAX_PER_PAGE); page++) {
    const result = await searcher.search({ ...query, sort: 'relevance', page, perPage: MAX_PER_PAGE }, directoryId);
    first ??= result;
    for (const hit of result.hits) {
      if (hit.type === 'notice') continue; // a partner-search notice counts in no statistics of the directory
      found[hit.type] += 1;
      if (hit.type === 'partnership') partnerships.add(hit.id);
      else if (hit.type === 'project') {
        projects.add(hit.id);
        if (hit.partnershipId !== undefined) partnerships.add(hit.partnershipId);
      }
    }
    if (page >= result.pages || result.hits.length === 0) break;
  }
  const labels = new Map<string, string>();
  for (const facet of FACET_NAMES) for (const v of first?.facets[facet] ?? []) labels.set(`${facet}\u0000${v.value}`, facetValueLabel(DEFAULT_LOCALE, facet, v));
  const filters = Object.entries(first?.query.filters ?? query.filters).flatMap(([facet, values]) =>
    (values ?? []).map((value) => ({ facet, value, label: labels.get(`${facet}\u0000${value}`) ?? facetValueLabel(DEFAULT_LOCALE, facet, { value }) })),
  );
  return {
    partnershipIds: [...partnerships].sort(),
    projectIds: [...projects].sort(),
    scope: { q: (first?.query ?? query).q, filters, total: first?.total ?? 0, found },
  };
}

/** The search the statistics are of: as typed and chose (values labelled), and what it found by type. */
export const SearchScope = z.object({
  q: z.string(),
  filters: z.array(z.object({ facet: z.string(), value: z.string(), label: z.string() })),
  /** every result, as the search page counts them */
  total: z.number().int(),
  /** the results by type: all of them (summed from the index's tallies), or up to the searcher's window (an index without tallies) */
  found: z.object({ partnership: z.number().int(), project: z.number().int(), collectivity: z.number().int() }),
});
export type SearchScope = z.infer<typeof SearchScope>;

/**
 * The page's view model: the census's statistics, and for a search, the search they are of. A
 * search's statistics count its projects found, and the partnerships found or whose project was
 * found (the partnership-level figures need partnerships): the counts match the results.
 */
/** A domain's row, its label in the page's language where the catalogue translates it (`printedLabel`: the directory's own). */
const DomainLine = DomainRow.extend({ printedLabel: z.string().optional() });

export const StatisticsView = CensusStats.extend({ partnershipsByDomain: z.array(DomainLine), projectsByDomain: z.array(DomainLine), search: SearchScope.optional() });
export type StatisticsView = z.infer<typeof StatisticsView>;

export async function statisticsView(input: Pick<PageInput, 'query' | 'directory' | 'db' | 'searcher' | 'beforeSearch'>): Promise<StatisticsView> {
  const dir = await input.directory();
  const search = searchOf(input.query);
  let stats: CensusStats;
  let scope: SearchScope | undefined;
  if (search === undefined) stats = await loadStats(input.db, { directoryId: dir.id });
  else {
    if (input.searcher === undefined) throw new RepertoireError('not-supported', 'search is not available', 503);
    await input.beforeSearch?.();
    ({ stats, scope } = await statisticsOfSearch(input.db, input.searcher, parseSearchParams(search).query, dir));
  }
  // by country in the directory's order, home first: the statistics know codes, the directory knows its sides
  const countries = dir.record.countries;
  return StatisticsView.parse({
    ...stats,
    partnershipsByKind: sideOrder(stats.partnershipsByKind, countries),
    budgets: { ...stats.budgets, bySide: sideOrder(stats.budgets.bySide, countries) },
    partnershipsByDomain: stats.partnershipsByDomain.map(inLanguage),
    projectsByDomain: stats.projectsByDomain.map(inLanguage),
    ...(scope === undefined ? {} : { search: scope }),
  });
}

/**
 * The statistics of a search's results: every result's tally summed by the searcher (milliseconds
 * whatever their number); else (an index built before tallies, a searcher without them) the
 * results' ids up to the searcher's window, counted in the store.
 */
export async function statisticsOfSearch(db: Kysely<Database>, searcher: Searcher, query: SearchQuery, dir: Directory): Promise<{ stats: CensusStats; scope: SearchScope }> {
  const tally = await searcher.tally?.(query, dir.id, PAD_ROWS);
  if (tally === undefined) {
    const found = await searchResults(searcher, query, dir.id);
    return { stats: await loadStats(db, { directoryId: dir.id, partnershipIds: found.partnershipIds, projectIds: found.projectIds }), scope: found.scope };
  }
  const [aggregates, rates, filters] = await Promise.all([talliedAggregates(db, dir.id, tally, PAD_ROWS), directoryRates(db, { directoryId: dir.id }), filterLabels(searcher, tally.query, dir)]);
  return { stats: buildStats(aggregates, { rates, padLimit: PAD_ROWS }), scope: { q: tally.query.q, filters, total: tally.total, found: tally.found } };
}

/** The PAD projects listed (the statistics' default). */
const PAD_ROWS = 1000;

/**
 * The search's chosen values, labelled: codes by the catalogue, domains by the directory; regions
 * and funders by the labels the index keeps, which a search's facets give (asked only then).
 */
async function filterLabels(searcher: Searcher, query: SearchQuery, dir: Directory): Promise<SearchScope['filters']> {
  const chosen = Object.entries(query.filters).flatMap(([facet, values]) => (values ?? []).map((value) => ({ facet, value })));
  const named = new Map<string, string>();
  if (chosen.some((c) => c.facet === 'region' || c.facet === 'funder')) {
    const { facets } = await searcher.search({ ...query, page: 1, perPage: 1 }, dir.id);
    for (const facet of FACET_NAMES) for (const v of facets[facet]) if (v.label !== undefined) named.set(`${facet}\u0000${v.value}`, v.label);
  }
  return chosen.map(({ facet, value }) => {
    const label = facet === 'domain' ? dir.domain.get(value)?.label : named.get(`${facet}\u0000${value}`);
    return { facet, value, label: facetValueLabel(DEFAULT_LOCALE, facet, { value, ...(label === undefined ? {} : { label }) }) };
  });
}

function inLanguage(row: DomainRow): DomainRow & { printedLabel?: string } {
  return { ...row, ...domainLabelIn(row.label) };
}

/**
 * The statistics by country in the directory's order, home first, then its partner countries,
 * then any other, the unsaid ('') last.
 */
export function sideOrder<T extends { country: string }>(rows: readonly T[], countries: readonly string[]): T[] {
  const rank = (country: string) => (country === '' ? countries.length + 1 : countries.includes(country) ? countries.indexOf(country) : countries.length);
  return [...rows].sort((a, b) => rank(a.country) - rank(b.country) || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0));
}
