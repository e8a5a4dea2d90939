import { PAGE_PARAMETER, definePage } from '../../page.js';
import { DomainView, DomainsView, domainView, domainsView } from './data.js';
import { renderDomain, renderDomains } from './render.js';

export const domainPage = definePage({
  name: 'DomainView',
  path: '/domaines/:code',
  summary: 'A domain of intervention: its parent and sub-domains, the partnerships and projects in it',
  schema: DomainView,
  parameters: [{ name: 'code', in: 'path', required: true, description: 'the domain code', schema: { type: 'string' } }],
  load: async ({ directory, db, params }) => domainView(await directory(), db, params.code ?? ''),
  render: renderDomain,
});

export const domainsPage = definePage({
  name: 'DomainsView',
  path: '/domaines',
  summary: 'The domain taxonomy, with counts of partnerships and projects',
  schema: DomainsView,
  parameters: [PAGE_PARAMETER],
  load: async ({ directory, query }) => domainsView(await directory(), query),
  render: renderDomains,
});
