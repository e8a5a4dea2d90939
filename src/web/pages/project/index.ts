import { definePage } from '../../page.js';
import { ProjectView, projectView } from './data.js';
import { renderProject } from './render.js';

export const projectPage = definePage({
  name: 'ProjectView',
  path: '/projets/:id',
  summary: 'A project: status, period, objectives, partners with roles, total cost and funding lines, results, source, and similar projects of other partnerships with why',
  schema: ProjectView,
  parameters: [{ name: 'id', in: 'path', required: true, description: 'the project id', schema: { type: 'string' } }],
  load: async ({ directory, db, reader, params }) => projectView(await directory(), params.id ?? '', reader ?? db),
  render: renderProject,
});
