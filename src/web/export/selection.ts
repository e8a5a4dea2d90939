/**
 * "Exactly the current search's results" as the writers' selection: every page of the search
 * (100 hits a page), partnership hits as partnerships, project hits as projects (and only those:
 * a partnership hit does not bring its projects; a project hit brings its partnership, which its
 * row names), collectivity hits as collectivities (src/publish/options.ts). The searcher
 * browses at most MAX_WINDOW results: a search with more is refused (`TooManyResults`), and the
 * page offers the whole directory's export instead.
 */
import type { Selection } from '../../publish/options.js';
import { MAX_PER_PAGE, MAX_WINDOW, type SearchQuery, type Searcher } from '../../search/types.js';

/** The most results a search's export holds: what the searcher lets one browse. */
export const EXPORT_LIMIT = MAX_WINDOW;

export class TooManyResults extends Error {
  constructor(
    readonly total: number,
    readonly limit: number,
  ) {
    super(`${total} results: a search's export stops at ${limit}`);
  }
}

export async function selectionOf(searcher: Searcher, query: SearchQuery, directoryId: string, limit = EXPORT_LIMIT): Promise<{ selection: Selection; total: number }> {
  const partnerships = new Set<string>();
  const projects = new Set<string>();
  const collectivities = new Set<string>();
  let total = 0;
  for (let page = 1; ; page += 1) {
    const result = await searcher.search({ ...query, sort: 'relevance', page, perPage: MAX_PER_PAGE }, directoryId);
    total = result.total;
    if (total > limit) throw new TooManyResults(total, limit);
    for (const hit of result.hits) {
      if (hit.type === 'partnership') partnerships.add(hit.id);
      else if (hit.type === 'project') projects.add(hit.id);
      else if (hit.type === 'collectivity') collectivities.add(hit.id);
      // a partner-search notice is no record of the directory: nothing to export
    }
    if (result.hits.length === 0 || page >= result.pages) break;
  }
  // projects always given: exactly the project hits (a partnership hit alone brings none of its projects)
  const selection: Selection = {
    partnerships: [...partnerships],
    projects: [...projects],
    ...(collectivities.size > 0 ? { collectivities: [...collectivities] } : {}),
  };
  return { selection, total };
}
