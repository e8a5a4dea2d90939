import { requireEditor } from '../../../../accounts/roles.js';
import { defineMemberPage } from '../../../auth/member-page.js';
import { QualityDeskView, qualityDeskView } from './data.js';
import { renderQualityDesk } from './render.js';

export const qualityDeskPage = defineMemberPage({
  name: 'QualityDeskView',
  path: '/qualite',
  summary: 'The data-quality desk: the findings by kind, with counts and the form to fix each record',
  audience: 'Editors and administrators only.',
  schema: QualityDeskView,
  allow: requireEditor,
  load: qualityDeskView,
  render: renderQualityDesk,
});
