import { requireEditor } from '../../../../accounts/roles.js';
import { defineMemberPage } from '../../../auth/member-page.js';
import { RecordEditView, recordEditView } from './data.js';
import { renderRecordEdit } from './render.js';

export const recordEditPage = defineMemberPage({
  name: 'RecordEditView',
  path: '/modifier/:type/:id',
  summary: 'An editor’s form for a record: its current version’s values and the choices its fields offer',
  audience: 'Editors and administrators only.',
  schema: RecordEditView,
  parameters: [
    { name: 'type', in: 'path', description: 'the kind of record: collectivite, partenariat or projet', schema: { type: 'string', enum: ['collectivite', 'partenariat', 'projet'] } },
    { name: 'id', in: 'path', description: 'the record’s id', schema: { type: 'string' } },
  ],
  allow: requireEditor,
  load: recordEditView,
  render: renderRecordEdit,
});
