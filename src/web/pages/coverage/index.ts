import { definePage } from '../../page.js';
import { CoverageView, coverageView } from './data.js';
import { renderCoverage } from './render.js';

export const coveragePage = definePage({
  name: 'CoverageView',
  path: '/couverture',
  summary: "The map of gaps: each division (régions, départements… as the countries' profiles have them) with the directory's collectivities there and those party to a partnership, of a domain and a kind when chosen; the divisions where none is",
  schema: CoverageView,
  long: true,
  parameters: [
    { name: 'domain', in: 'query', description: 'a domain code: only partnerships filed under it (or a sub-domain, or a domain of the same label), themselves or by a project', schema: { type: 'string' } },
    { name: 'kind', in: 'query', description: 'a kind of collectivity (commune-urbaine, departement…): only collectivities of that kind', schema: { type: 'string' } },
  ],
  load: async ({ directory, db, reader, query }) => coverageView(await directory(), reader ?? db, query),
  render: renderCoverage,
});
