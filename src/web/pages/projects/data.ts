/** The projects list's view model: in the book's order, filtered by status and PAD co-financing, paged. */
import { z } from 'zod';
import { ProjectStatus } from '../../../model/schema.js';
import type { Directory } from '../../data/directory.js';
import { paths, withQuery } from '../../paths.js';
import { PaginationView, PartnershipRef, ProjectRef, first, listHref, paginate, partnershipRef, projectRef, strip } from '../common.js';
import { FilterOption, filterOptions } from '../common-lists.js';

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
const STATUSES = ['ongoing', 'completed', 'planned', 'other'] as const;

export function projectsView(dir: Directory, query: Record<string, string | string[] | undefined>): ProjectsView {
  const asked = first(query.status);
  const status = (STATUSES as readonly string[]).includes(asked ?? '') ? (asked as ProjectStatus) : undefined;
  const pad = first(query.pad) === 'oui';
  const padValue = pad ? 'oui' : undefined;
  const inPad = dir.projects.filter((p) => !pad || p.padCofinanced === true);
  const chosen = inPad.filter((p) => status === undefined || p.status === status);
  const { items, pagination } = paginate(chosen, first(query.page), PROJECTS_PER_PAGE, listHref(paths.projects(), { status, pad: padValue }));
  return ProjectsView.parse(
    strip({
      status,
      pad,
      statuses: filterOptions(inPad, (p) => p.status, status, (value) => withQuery(paths.projects(), { status: value, pad: padValue }), STATUSES),
      padCount: dir.projects.filter((p) => p.padCofinanced === true && (status === undefined || p.status === status)).length,
      padHref: withQuery(paths.projects(), { status, pad: pad ? undefined : 'oui' }),
      items: items.map((p) => ({ ...projectRef(p), partnership: partnershipRef(dir, dir.partnership.get(p.partnershipId)!) })),
      pagination,
    }),
  );
}
