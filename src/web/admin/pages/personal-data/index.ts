import { requireEditor } from '../../../../accounts/roles.js';
import { defineMemberPage } from '../../../auth/member-page.js';
import { PersonalDataView, personalDataView } from './data.js';
import { renderPersonalData } from './render.js';

export const personalDataPage = defineMemberPage({
  name: 'PersonalDataView',
  path: '/admin/donnees-personnelles',
  summary: 'Personal data: where to record a person’s consent, export their data, erase them',
  audience: 'Editors (consent) and administrators (consent, export, erasure) only.',
  schema: PersonalDataView,
  allow: requireEditor,
  load: personalDataView,
  render: renderPersonalData,
});
