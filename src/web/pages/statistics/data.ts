/**
 * The statistics page's view model: the census's statistics (`CensusStats`, src/stats), of the
 * whole directory or, when the URL carries a search (`q` or a facet), of the partnerships that
 * answer it: the searcher gives their ids (partnership hits, and the partnerships of project
 * hits), and the statistics are computed over the store for those ids.
 */
import { RepertoireError } from '../../../errors.js';
import { FACET_ALIASES, parseSearchParams } from '../../../search/params.js';
import { FACET_NAMES, MAX_PER_PAGE, MAX_WINDOW, type SearchQuery, type Searcher } from '../../../search/types.js';
import { CensusStats } from '../../../stats/model.js';
import { loadStats } from '../../../stats/load.js';
import type { PageInput, QueryParams } from '../../page.js';

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
  const ids = new Set<string>();
  const perPage = MAX_PER_PAGE;
  for (let page = 1; page <= Math.ceil(MAX_WINDOW / perPage); page++) {
    const result = await searcher.search({ ...query, sort: 'relevance', page, perPage }, directoryId);
    for (const hit of result.hits) {
      if (hit.type === 'partnership') ids.add(hit.id);
      else if (hit.type === 'project' && hit.partnershipId !== undefined) ids.add(hit.partnershipId);
    }
    if (page >= result.pages || result.hits.length === 0) break;
  }
  return [...ids].sort();
}

export async function statisticsView(input: Pick<PageInput, 'query' | 'directory' | 'db' | 'searcher' | 'beforeSearch'>): Promise<CensusStats> {
  const dir = await input.directory();
  const search = searchOf(input.query);
  let partnershipIds: string[] | undefined;
  if (search !== undefined) {
    if (input.searcher === undefined) throw new RepertoireError('not-supported', 'search is not available', 503);
    await input.beforeSearch?.();
    partnershipIds = await matchingPartnershipIds(input.searcher, parseSearchParams(search).query, dir.id);
  }
  const stats = await loadStats(input.db, { directoryId: dir.id, ...(partnershipIds !== undefined ? { partnershipIds } : {}) });
  // by country in the directory's order, home first: the statistics know codes, the directory knows its sides
  const countries = dir.record.countries;
  return CensusStats.parse({
    ...stats,
    partnershipsByKind: sideOrder(stats.partnershipsByKind, countries),
    budgets: { ...stats.budgets, bySide: sideOrder(stats.budgets.bySide, countries) },
  });
}

/**
 * The statistics by country in the directory's order, home first, then its partner countries,
 * then any other, the unsaid ('') last.
 */
export function sideOrder<T extends { country: string }>(rows: readonly T[], countries: readonly string[]): T[] {
  const rank = (country: string) => (country === '' ? countries.length + 1 : countries.includes(country) ? countries.indexOf(country) : countries.length);
  return [...rows].sort((a, b) => rank(a.country) - rank(b.country) || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0));
}
