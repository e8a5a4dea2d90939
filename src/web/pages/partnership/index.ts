import { definePage } from '../../page.js';
import { PartnershipView, partnershipView } from './data.js';
import { renderPartnership } from './render.js';

export const partnershipPage = definePage({
  name: 'PartnershipView',
  path: '/partenariats/:id',
  summary: 'A partnership: its parties, framework, domains, projects, budgets, contacts (named people without coordinates) and neighbours',
  schema: PartnershipView,
  parameters: [{ name: 'id', in: 'path', required: true, description: 'the partnership id', schema: { type: 'string' } }],
  load: async ({ directory, params }) => partnershipView(await directory(), params.id ?? ''),
  render: renderPartnership,
});
