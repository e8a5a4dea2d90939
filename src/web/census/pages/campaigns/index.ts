import { requireSignedIn } from '../../../../accounts/roles.js';
import { defineMemberPage } from '../../../auth/member-page.js';
import { CampaignsView, campaignsView } from './data.js';
import { renderCampaigns } from './render.js';

export const campaignsPage = defineMemberPage({
  name: 'CampaignsView',
  path: '/recensement',
  summary: 'The census campaigns: each one’s state, the way to answer it and, for editors, its dashboard',
  audience: 'Any signed-in member; editors also get the form that opens a campaign and each one’s dashboard.',
  schema: CampaignsView,
  allow: requireSignedIn,
  load: campaignsView,
  render: renderCampaigns,
});
