import { requireSignedIn } from '../../../../accounts/roles.js';
import { defineMemberPage } from '../../../auth/member-page.js';
import { CampaignEntriesView, campaignEntriesView } from './data.js';
import { renderCampaignEntries } from './render.js';

export const campaignEntriesPage = defineMemberPage({
  name: 'CampaignEntriesView',
  path: '/recensement/:campaign',
  summary: 'A collectivity’s records in a campaign, with their state; for an editor, first the collectivity picker',
  audience: 'A contributor: their own collectivity’s. Editors and administrators: the collectivity named by `collectivite`, else the picker.',
  schema: CampaignEntriesView,
  parameters: [
    { name: 'campaign', in: 'path', description: 'the campaign’s id', schema: { type: 'string' } },
    { name: 'collectivite', in: 'query', description: 'editors: the collectivity answered for', schema: { type: 'string' } },
    { name: 'nom', in: 'query', description: 'editors, without `collectivite`: the picker’s search', schema: { type: 'string' } },
  ],
  allow: requireSignedIn,
  load: campaignEntriesView,
  render: renderCampaignEntries,
});
