/**
 * A search across every directory of the store: each directory's index answers the same text,
 * and the page shows their hits together, with a directory facet (how many hits each holds, and
 * the way into that directory's own search, where the other facets are).
 *
 * The indexes are the directories' own (their scores are not comparable): hits are merged by rank
 * for relevance — the first of each directory, then the second of each… — and by date or name
 * for those orders. Each directory gives its first hundred hits at most, so the merged list is
 * browsable to a hundred a directory; the directory's own search goes further.
 */
import { z } from 'zod';
import { RepertoireError } from '../../../errors.js';
import { parseSearchParams, searchParamsOf } from '../../../search/params.js';
import { MAX_PER_PAGE, type SearchHit, type SearchQuery, type Searcher } from '../../../search/types.js';
import { readDirectories } from '../../../store/directories.js';
import type { PageInput } from '../../page.js';
import { inDirectory, paths } from '../../paths.js';
import { PaginationView, strip } from '../common.js';
import { HitView, SortOrder, hitHref, redactExcerpt } from '../search/data.js';

export const SearchAllView = z.object({
  query: z.object({ q: z.string(), sort: SortOrder, page: z.number().int(), perPage: z.number().int() }),
  total: z.number().int(),
  /** the directory facet: every directory, its hits, and its own search of the same text */
  directories: z.array(z.object({ id: z.string(), title: z.string(), edition: z.string().optional(), countries: z.array(z.string()), count: z.number().int(), href: z.string() })),
  hits: z.array(HitView.extend({ directory: z.object({ id: z.string(), title: z.string() }) })),
  sorts: z.array(z.object({ value: SortOrder, href: z.string(), current: z.boolean() })),
  pagination: PaginationView,
  notices: z.array(z.string()),
});
export type SearchAllView = z.infer<typeof SearchAllView>;

interface Ranked {
  hit: SearchHit;
  rank: number;
  directory: number;
}

/** The merged order: by rank across directories for relevance, else by date (newest first) or by name. */
function byOrder(sort: SearchQuery['sort']): (a: Ranked, b: Ranked) => number {
  if (sort === 'date') return (a, b) => (b.hit.date ?? '').localeCompare(a.hit.date ?? '') || a.rank - b.rank || a.directory - b.directory;
  if (sort === 'name') return (a, b) => a.hit.title.localeCompare(b.hit.title, 'fr') || a.directory - b.directory;
  return (a, b) => a.rank - b.rank || a.directory - b.directory;
}

export async function searchAllView(input: Pick<PageInput, 'searcher' | 'query' | 'db' | 'directoryOf' | 'refreshIndexOf'>): Promise<SearchAllView> {
  const searcher: Searcher | undefined = input.searcher;
  if (searcher === undefined || input.directoryOf === undefined) throw new RepertoireError('not-supported', 'search is not available', 503);
  const directoryOf = input.directoryOf;
  const parsed = parseSearchParams({ q: input.query.q, sort: input.query.sort, page: input.query.page });
  const { q, sort, page, perPage } = parsed.query;
  const directories = await readDirectories(input.db);
  // each directory's first hits, enough for this page of the merged list
  const window = Math.min(MAX_PER_PAGE, page * perPage);
  const answers = await Promise.all(
    directories.map(async ({ id }) => {
      await input.refreshIndexOf?.(id);
      const [dir, result] = await Promise.all([directoryOf(id), searcher.search({ q, sort, filters: {}, page: 1, perPage: window }, id)]);
      return { dir, result };
    }),
  );
  const ranked = answers.flatMap(({ result }, directory) => result.hits.map((hit, rank) => ({ hit, rank, directory })));
  ranked.sort(byOrder(sort));
  const browsable = answers.reduce((sum, { result }) => sum + Math.min(result.total, MAX_PER_PAGE), 0);
  const total = answers.reduce((sum, { result }) => sum + result.total, 0);
  const pages = Math.ceil(browsable / perPage);
  const shown = ranked.slice((page - 1) * perPage, page * perPage);
  const hrefOf = (query: Partial<SearchQuery>) => paths.searchAll(searchParamsOf({ q, sort, filters: {}, page: 1, perPage, ...query }).toString());
  const near = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pages));
  const notices = [...parsed.notices];
  if (total > browsable) notices.push(`Les ${MAX_PER_PAGE} premiers résultats de chaque répertoire se parcourent ici ; la recherche de chaque répertoire donne les autres, et ses filtres.`);
  return SearchAllView.parse({
    query: { q, sort, page, perPage },
    total,
    directories: answers.map(({ dir, result }) =>
      strip({
        id: dir.id,
        title: dir.record.title,
        edition: dir.record.edition,
        countries: [...dir.record.countries],
        count: result.total,
        href: inDirectory(dir.id, () => paths.search(searchParamsOf({ q, sort, filters: {}, page: 1, perPage }).toString())),
      }),
    ),
    hits: shown.map(({ hit, directory }) => {
      const { dir } = answers[directory]!;
      return strip({
        type: hit.type,
        id: hit.id,
        title: hit.title,
        subtitle: hit.subtitle,
        excerptHtml: redactExcerpt(hit.excerptHtml, dir.redactor),
        date: hit.date,
        href: inDirectory(dir.id, () => hitHref(hit.type, hit.id)),
        directory: { id: dir.id, title: dir.record.title },
      });
    }),
    sorts: SortOrder.options.map((value) => ({ value, href: hrefOf({ sort: value }), current: value === sort })),
    pagination: {
      page,
      pages,
      total,
      perPage,
      links: [...near].sort((a, b) => a - b).map((n) => ({ page: n, href: hrefOf({ page: n }), current: n === page })),
      ...(page > 1 && pages > 0 ? { previous: hrefOf({ page: Math.min(page - 1, pages) }) } : {}),
      ...(page < pages ? { next: hrefOf({ page: page + 1 }) } : {}),
    },
    notices,
  });
}
