import { requireEditor } from '../../../../accounts/roles.js';
import { defineMemberPage } from '../../../auth/member-page.js';
import { ProposalEditView, proposalEditView } from './data.js';
import { renderProposalEdit } from './render.js';

export const proposalEditPage = defineMemberPage({
  name: 'ProposalEditView',
  path: '/relecture/:proposal/modifier',
  summary: 'A submitted proposal’s form, for an editor to correct before approving it',
  audience: 'Editors and administrators only.',
  schema: ProposalEditView,
  parameters: [{ name: 'proposal', in: 'path', description: 'the proposal’s id', schema: { type: 'string' } }],
  allow: requireEditor,
  load: proposalEditView,
  render: renderProposalEdit,
});
