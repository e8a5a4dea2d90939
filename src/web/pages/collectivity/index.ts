import { definePage } from '../../page.js';
import { CollectivityView, collectivityView } from './data.js';
import { renderCollectivity } from './render.js';

export const collectivityPage = definePage({
  name: 'CollectivityView',
  path: '/collectivites/:id',
  summary: 'A collectivity: identity and institutional coordinates, its partnerships, its work by domain, and who else works with the same partners or on the same domains in its region, and suggested partners with why and whom to contact',
  schema: CollectivityView,
  long: true,
  parameters: [{ name: 'id', in: 'path', required: true, description: 'the collectivity id', schema: { type: 'string' } }],
  load: async ({ directory, db, reader, params }) => collectivityView(await directory(), reader ?? db, params.id ?? ''),
  render: renderCollectivity,
});
