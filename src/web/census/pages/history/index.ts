import { requireSignedIn } from '../../../../accounts/roles.js';
import { defineMemberPage } from '../../../auth/member-page.js';
import { HistoryView, historyView } from './data.js';
import { renderHistory } from './render.js';

export const historyPage = defineMemberPage({
  name: 'HistoryView',
  path: '/historique/:type/:id',
  summary: 'A record’s versions, and what changed between two of them',
  audience: 'Editors and administrators; a contributor, for the records their collectivity may change (else 403).',
  schema: HistoryView,
  parameters: [
    { name: 'type', in: 'path', description: 'the kind of record: collectivite, partenariat or projet', schema: { type: 'string', enum: ['collectivite', 'partenariat', 'projet'] } },
    { name: 'id', in: 'path', description: 'the record’s id', schema: { type: 'string' } },
    { name: 'de', in: 'query', description: 'the version compared from (default: the one before the last)', schema: { type: 'integer' } },
    { name: 'a', in: 'query', description: 'the version compared to (default: the last)', schema: { type: 'integer' } },
  ],
  allow: requireSignedIn,
  load: historyView,
  render: renderHistory,
});
