import { PAGE_PARAMETER, definePage } from '../../page.js';
import { BriefView, PartnershipsView, briefView, partnershipsView } from './data.js';
import { renderBrief, renderPartnerships } from './render.js';

export const partnershipsPage = definePage({
  name: 'PartnershipsView',
  path: '/partenariats',
  summary: 'The partnerships, in the order of the book, paged',
  schema: PartnershipsView,
  parameters: [PAGE_PARAMETER, { name: 'tier', in: 'query', description: 'full or brief', schema: { type: 'string' } }],
  load: async ({ directory, db, query }) => partnershipsView(await directory(), db, query),
  render: renderPartnerships,
});

export const briefPage = definePage({
  name: 'BriefView',
  path: '/autres-partenariats',
  summary: 'The other partnerships the book lists without a full entry (the brief tier)',
  schema: BriefView,
  parameters: [PAGE_PARAMETER],
  load: async ({ directory, db, query }) => briefView(await directory(), db, query),
  render: renderBrief,
});
