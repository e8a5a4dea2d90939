import { requireEditor } from '../../../../accounts/roles.js';
import { defineMemberPage } from '../../../auth/member-page.js';
import { ReviewQueueView, reviewQueueView } from './data.js';
import { renderReviewQueue } from './render.js';

export const reviewQueuePage = defineMemberPage({
  name: 'ReviewQueueView',
  path: '/relecture',
  summary: 'The editors’ review queue: the proposals of one state, with where each came from',
  audience: 'Editors and administrators only.',
  schema: ReviewQueueView,
  parameters: [{ name: 'etat', in: 'query', description: 'the proposals’ state: submitted (default), approved or rejected', schema: { type: 'string', enum: ['submitted', 'approved', 'rejected'] } }],
  allow: requireEditor,
  load: reviewQueueView,
  render: renderReviewQueue,
});
