import { requireSignedIn } from '../../../../accounts/roles.js';
import { defineMemberPage } from '../../../auth/member-page.js';
import { AUDIENCE, CAMPAIGN_FORM_PARAMETERS } from '../campaign-form.js';
import { NEW_KINDS, NewRecordView, newRecordView } from './data.js';
import { renderNewRecord } from './render.js';

export const newRecordPage = defineMemberPage({
  name: 'NewRecordView',
  path: '/recensement/:campaign/nouveau/:kind',
  summary: 'A new project’s or partnership’s form in an open campaign: its first values and the choices its fields offer',
  audience: AUDIENCE,
  schema: NewRecordView,
  parameters: [
    ...CAMPAIGN_FORM_PARAMETERS,
    { name: 'kind', in: 'path', description: 'the kind of new record', schema: { type: 'string', enum: [...NEW_KINDS] } },
    { name: 'partenariat', in: 'query', description: 'a new project: the collectivity’s partnership it belongs to', schema: { type: 'string' } },
  ],
  allow: requireSignedIn,
  load: newRecordView,
  render: renderNewRecord,
});
