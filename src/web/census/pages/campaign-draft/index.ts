import { requireSignedIn } from '../../../../accounts/roles.js';
import { defineMemberPage } from '../../../auth/member-page.js';
import { AUDIENCE, CAMPAIGN_FORM_PARAMETERS } from '../campaign-form.js';
import { CampaignDraftView, campaignDraftView } from './data.js';
import { renderCampaignDraft } from './render.js';

export const campaignDraftPage = defineMemberPage({
  name: 'CampaignDraftView',
  path: '/recensement/:campaign/proposition/:proposal',
  summary: 'A new record’s draft in a campaign, its form pre-filled with the draft, to edit again',
  audience: AUDIENCE,
  schema: CampaignDraftView,
  parameters: [...CAMPAIGN_FORM_PARAMETERS, { name: 'proposal', in: 'path', description: 'the draft’s id', schema: { type: 'string' } }],
  allow: requireSignedIn,
  load: campaignDraftView,
  render: renderCampaignDraft,
});
