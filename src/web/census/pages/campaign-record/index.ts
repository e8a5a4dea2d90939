import { requireSignedIn } from '../../../../accounts/roles.js';
import { defineMemberPage } from '../../../auth/member-page.js';
import { AUDIENCE, CAMPAIGN_FORM_PARAMETERS } from '../campaign-form.js';
import { CampaignRecordView, campaignRecordView } from './data.js';
import { renderCampaignRecord } from './render.js';

export const campaignRecordPage = defineMemberPage({
  name: 'CampaignRecordView',
  path: '/recensement/:campaign/fiche/:type/:id',
  summary: 'One record’s form in an open campaign: its draft’s values, else the record’s, and the choices its fields offer',
  audience: AUDIENCE,
  schema: CampaignRecordView,
  parameters: [
    ...CAMPAIGN_FORM_PARAMETERS,
    { name: 'type', in: 'path', description: 'the kind of record: collectivite, partenariat or projet', schema: { type: 'string', enum: ['collectivite', 'partenariat', 'projet'] } },
    { name: 'id', in: 'path', description: 'the record’s id', schema: { type: 'string' } },
  ],
  allow: requireSignedIn,
  load: campaignRecordView,
  render: renderCampaignRecord,
});
