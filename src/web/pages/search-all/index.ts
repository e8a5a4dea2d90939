import { definePage } from '../../page.js';
import { SearchAllView, searchAllView } from './data.js';
import { renderSearchAll } from './render.js';

export const searchAllPage = definePage({
  name: 'SearchAllView',
  path: '/repertoires/recherche',
  summary: 'Full-text search across every directory of the store: hits of all of them, merged, with a directory facet leading to each one’s own search',
  schema: SearchAllView,
  parameters: [
    { name: 'q', in: 'query', description: 'the text searched (cut at 500 characters)', schema: { type: 'string' } },
    { name: 'sort', in: 'query', description: 'relevance (default: by rank in each directory), date or name', schema: { type: 'string' } },
    { name: 'page', in: 'query', description: '1-based page number', schema: { type: 'string' } },
  ],
  // a search in each directory
  long: true,
  sitewide: true,
  load: async (input) => searchAllView(input),
  render: renderSearchAll,
});
