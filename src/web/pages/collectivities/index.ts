import { PAGE_PARAMETER, definePage } from '../../page.js';
import { CollectivitiesView, collectivitiesView } from './data.js';
import { renderCollectivities } from './render.js';

export const collectivitiesPage = definePage({
  name: 'CollectivitiesView',
  path: '/collectivites',
  summary: 'The collectivities, by name, with their numbers of partnerships and projects; filtered by country and kind, paged',
  schema: CollectivitiesView,
  parameters: [
    PAGE_PARAMETER,
    { name: 'country', in: 'query', description: "a country code of the directory (directory.countries, home first), e.g. FR", schema: { type: 'string' } },
    { name: 'kind', in: 'query', description: 'a kind of collectivity (commune, region…)', schema: { type: 'string' } },
  ],
  load: async ({ directory, query }) => collectivitiesView(await directory(), query),
  render: renderCollectivities,
});
