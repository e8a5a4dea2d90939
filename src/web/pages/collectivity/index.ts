import { definePage } from '../../page.js';
import { CollectivityView, collectivityView } from './data.js';
import { renderCollectivity } from './render.js';

export const collectivityPage = definePage({
  name: 'CollectivityView',
  path: '/collectivites/:id',
  summary: 'A collectivity: identity and institutional coordinates, its partnerships, its work by domain, and who else works with the same partners or on the same domains in its region, and suggested partners with why and whom to contact; its partner-search notices and those looking for a collectivity like it',
  schema: CollectivityView,
  long: true,
  dated: true,
  parameters: [{ name: 'id', in: 'path', required: true, description: 'the collectivity id', schema: { type: 'string' } }],
  load: async ({ directory, db, reader, params, clock }) => collectivityView(await directory(), reader ?? db, params.id ?? '', clock),
  render: renderCollectivity,
});
