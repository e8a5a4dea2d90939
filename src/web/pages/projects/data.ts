/** The projects list's view model: in the book's order, filtered by status and PAD co-financing, paged. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ProjectStatus } from '../../../model/schema.js';
import type { Database } from '../../../store/tables.js';
import type { Directory } from '../../data/directory.js';
import { PROJECT_STATUSES, projectTotal, type ProjectStatusName } from '../../data/figures.js';
import { projectIdsPage } from '../../data/lists.js';
import type { QueryParams } from '../../page.js';
import { paths, withQuery } from '../../paths.js';
import { PaginationView, PartnershipRef, ProjectRef, first, listHref, pageWindow, partnershipRef, projectRef, strip } from '../common.js';
import { FilterOption, countedOptions } from '../common-lists.js';

export const ProjectsView = z.object({
  status: ProjectStatus.optional(),
  pad: z.boolean(),
  statuses: z.array(FilterOption),
  padCount: z.number().int(),
  padHref: z.string(),
  items: z.array(ProjectRef.extend({ partnership: PartnershipRef })),
  pagination: PaginationView,
});
export type ProjectsView = z.infer<typeof ProjectsView>;

export const PROJECTS_PER_PAGE = 25;

export async function projectsView(dir: Directory, db: Kysely<Database>, query: QueryParams): Promise<ProjectsView> {
  const asked = first(query.status);
  const status = (PROJECT_STATUSES as readonly string[]).includes(asked ?? '') ? (asked as ProjectStatusName) : undefined;
  const pad = first(query.pad) === 'oui';
  const padValue = pad ? 'oui' : undefined;
  const figures = await dir.figures();
  const total = projectTotal(figures, { status, pad });
  const { offset, limit, pagination } = pageWindow(total, first(query.page), PROJECTS_PER_PAGE, listHref(paths.projects(), { status, pad: padValue }));
  const ids = await projectIdsPage(db, dir.id, { status, pad }, { offset, limit });
  const projects = await dir.projects(ids);
  const partnerships = new Map((await dir.partnershipHeads([...new Set(projects.map((p) => p.partnershipId))])).map((p) => [p.id, p]));
  const statusCounts = new Map(PROJECT_STATUSES.map((s) => [s as string, projectTotal(figures, { status: s, pad })]));
  return ProjectsView.parse(
    strip({
      status,
      pad,
      statuses: countedOptions(statusCounts, status, (value) => withQuery(paths.projects(), { status: value, pad: padValue }), PROJECT_STATUSES),
      padCount: projectTotal(figures, { status, pad: true }),
      padHref: withQuery(paths.projects(), { status, pad: pad ? undefined : 'oui' }),
      items: projects.flatMap((p) => {
        const partnership = partnerships.get(p.partnershipId);
        return partnership === undefined ? [] : [{ ...projectRef(p), partnership: partnershipRef(dir, partnership) }];
      }),
      pagination,
    }),
  );
}
