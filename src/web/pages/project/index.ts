import { definePage } from '../../page.js';
import { ProjectView, projectView } from './data.js';
import { renderProject } from './render.js';

export const projectPage = definePage({
  name: 'ProjectView',
  path: '/projets/:id',
  summary: 'A project: status, period, objectives, partners with roles, total cost and funding lines, results, source',
  schema: ProjectView,
  parameters: [{ name: 'id', in: 'path', required: true, description: 'the project id', schema: { type: 'string' } }],
  load: async ({ directory, params }) => projectView(await directory(), params.id ?? ''),
  render: renderProject,
});
