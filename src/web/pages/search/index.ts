import { FACET_NAMES } from '../../../search/types.js';
import { loadMapView } from '../../maps/map.js';
import { definePage } from '../../page.js';
import { SearchView, searchView } from './data.js';
import { renderSearch } from './render.js';

export const searchPage = definePage({
  name: 'SearchView',
  path: '/recherche',
  summary: 'Full-text search with facets: hits with highlighted excerpts, facet counts, suggestions when nothing matches',
  schema: SearchView,
  // partner-search notices leave the results on the day after their last: a page drawn yesterday is not sent today
  dated: true,
  parameters: [
    { name: 'q', in: 'query', description: 'the text searched (cut at 500 characters)', schema: { type: 'string' } },
    { name: 'sort', in: 'query', description: 'relevance (default), date or name', schema: { type: 'string' } },
    { name: 'page', in: 'query', description: '1-based page number', schema: { type: 'string' } },
    { name: 'perPage', in: 'query', description: 'results a page, 1 to 100 (default 20)', schema: { type: 'string' } },
    ...FACET_NAMES.map((name) => ({
      name,
      in: 'query' as const,
      description:
        name === 'homeKind' || name === 'partnerKind'
          ? `facet filter: kind of collectivity of the ${name === 'homeKind' ? 'home country (the directory\'s first)' : 'partner countries'} (repeatable: several values are OR-ed)`
          : `facet filter (repeatable: several values are OR-ed)`,
      schema: { type: 'array', items: { type: 'string' } },
    })),
    {
      name: 'frenchKind',
      in: 'query' as const,
      description: 'former name of homeKind, still read (the page links to the homeKind URL)',
      schema: { type: 'array', items: { type: 'string' } },
    },
  ],
  load: async ({ searcher, query, directory, beforeSearch, db, reader, locale }) => {
    const dir = await directory();
    const view = await searchView(searcher, query, { directoryId: dir.id, countries: dir.record.countries, redactor: dir.redactor, beforeSearch, locale });
    // the map of this page's results: the partnerships its hits belong to
    const ids = [...new Set(view.hits.flatMap((hit) => (hit.partnershipId !== undefined ? [hit.partnershipId] : [])))];
    return ids.length === 0 ? view : { ...view, map: await loadMapView(reader ?? db, dir, ids) };
  },
  render: renderSearch,
});
