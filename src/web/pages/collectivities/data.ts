/** The collectivities list's view model: by name, filtered by country and kind, paged. */
import { z } from 'zod';
import type { Directory } from '../../data/directory.js';
import { countsOf } from '../../data/figures.js';
import { paths, withQuery } from '../../paths.js';
import { CollectivityRef, PaginationView, collectivityRef, first, listHref, paginate, strip } from '../common.js';
import { FilterOption, filterOptions } from '../common-lists.js';

export const CollectivitiesView = z.object({
  country: z.string().optional(),
  kind: z.string().optional(),
  countries: z.array(FilterOption),
  kinds: z.array(FilterOption),
  items: z.array(z.object({ collectivity: CollectivityRef, partnershipCount: z.number().int(), projectCount: z.number().int() })),
  pagination: PaginationView,
});
export type CollectivitiesView = z.infer<typeof CollectivitiesView>;

export const COLLECTIVITIES_PER_PAGE = 30;

export async function collectivitiesView(dir: Directory, query: Record<string, string | string[] | undefined>): Promise<CollectivitiesView> {
  const figures = await dir.figures();
  const country = first(query.country)?.slice(0, 100) || undefined;
  const kind = first(query.kind)?.slice(0, 100) || undefined;
  const sorted = [...dir.collectivities].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const inCountry = sorted.filter((c) => country === undefined || c.country === country);
  const chosen = inCountry.filter((c) => kind === undefined || c.kind === kind);
  const { items, pagination } = paginate(chosen, first(query.page), COLLECTIVITIES_PER_PAGE, listHref(paths.collectivities(), { country, kind }));
  return CollectivitiesView.parse(
    strip({
      country,
      kind,
      countries: filterOptions(sorted, (c) => c.country, country, (value) => withQuery(paths.collectivities(), { country: value }), dir.record.countries),
      kinds: filterOptions(inCountry, (c) => c.kind, kind, (value) => withQuery(paths.collectivities(), { country, kind: value })),
      items: items.map((c) => {
        const counts = countsOf(figures.byCollectivity, c.id);
        return { collectivity: collectivityRef(dir, c.id), partnershipCount: counts.partnerships, projectCount: counts.projects };
      }),
      pagination,
    }),
  );
}
