import { PAGE_PARAMETER, definePage } from '../../page.js';
import { ProjectsView, projectsView } from './data.js';
import { renderProjects } from './render.js';

export const projectsPage = definePage({
  name: 'ProjectsView',
  path: '/projets',
  summary: 'The projects, in the order of the book; filtered by status and PAD co-financing, paged',
  schema: ProjectsView,
  parameters: [
    PAGE_PARAMETER,
    { name: 'status', in: 'query', description: 'ongoing, completed, planned or other', schema: { type: 'string' } },
    { name: 'pad', in: 'query', description: '"oui": only projects co-financed by the PAD', schema: { type: 'string' } },
  ],
  load: async ({ directory, db, query }) => projectsView(await directory(), db, query),
  render: renderProjects,
});
