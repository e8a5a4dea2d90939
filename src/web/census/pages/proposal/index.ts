import { requireEditor } from '../../../../accounts/roles.js';
import { defineMemberPage } from '../../../auth/member-page.js';
import { ProposalView, proposalView } from './data.js';
import { renderProposal } from './render.js';

export const proposalPage = defineMemberPage({
  name: 'ProposalView',
  path: '/relecture/:proposal',
  summary: 'One proposal under review: what it changes, what changed since, the decision',
  audience: 'Editors and administrators only.',
  schema: ProposalView,
  parameters: [{ name: 'proposal', in: 'path', description: 'the proposal’s id', schema: { type: 'string' } }],
  allow: requireEditor,
  load: proposalView,
  render: renderProposal,
});
