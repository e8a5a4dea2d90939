import { requireEditor } from '../../../../accounts/roles.js';
import { defineMemberPage } from '../../../auth/member-page.js';
import { DashboardView, dashboardView } from './data.js';
import { renderDashboard } from './render.js';

export const dashboardPage = defineMemberPage({
  name: 'CampaignDashboardView',
  path: '/recensement/:campaign/tableau-de-bord',
  summary: 'A census campaign’s dashboard: who answered, who is pending, who never signed in; the answers by country and by kind',
  audience: 'Editors and administrators only.',
  schema: DashboardView,
  parameters: [
    { name: 'campaign', in: 'path', description: 'the campaign’s id', schema: { type: 'string' } },
    { name: 'comptes', in: 'query', description: '1: only the collectivities with a contributor account', schema: { type: 'string', enum: ['0', '1'] } },
  ],
  allow: requireEditor,
  load: dashboardView,
  render: renderDashboard,
});
