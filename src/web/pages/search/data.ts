/**
 * The search page's view model: the searcher's result, with every link the page needs (facet
 * toggles, removals, sorts, pages, suggestions) built from the query by `searchParamsOf`, so
 * that the whole state lives in the URL.
 */
import { z } from 'zod';
import { RepertoireError } from '../../../errors.js';
import { parseSearchParams, searchParamsOf } from '../../../search/params.js';
import { escapeHtml, unescapeHtml } from '../../../search/text.js';
import { FACET_NAMES, type FacetName, type SearchQuery, type Searcher } from '../../../search/types.js';
import type { Redactor } from '../../../census/privacy/index.js';
import { MapView } from '../../maps/map.js';
import { facetValueLabel } from '../../i18n/codes.js';
import type { Locale } from '../../i18n/index.js';
import { currentLanguage } from '../../language.js';
import { namesIn } from '../../names.js';
import { paths } from '../../paths.js';
import { PaginationView, strip } from '../common.js';

export const SortOrder = z.enum(['relevance', 'date', 'name']);

/** A hit as every results page shows it: what it is, its title and page, the excerpt that matched. */
export const HitView = z.object({
  /** `notice`: a partner-search notice (its title is the collectivity that seeks) */
  type: z.enum(['partnership', 'project', 'collectivity', 'notice']),
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  /** escaped text with <mark> around the matched words */
  excerptHtml: z.string(),
  date: z.string().optional(),
  href: z.string(),
});
export type HitView = z.infer<typeof HitView>;

export const SearchView = z.object({
  query: z.object({
    q: z.string(),
    filters: z.record(z.string(), z.array(z.string())),
    sort: SortOrder,
    page: z.number().int(),
    perPage: z.number().int(),
  }),
  total: z.number().int(),
  tookMs: z.number(),
  hits: z.array(
    HitView.extend({
      padCofinanced: z.boolean().optional(),
      partnershipHref: z.string().optional(),
      /** the partnership of a partnership or project hit */
      partnershipId: z.string().optional(),
    }),
  ),
  /** the directory's countries, home first: the kinds' facets are headed by their side's country */
  countries: z.array(z.string()),
  facets: z.array(
    z.object({
      name: z.string(),
      values: z.array(
        z.object({
          value: z.string(),
          /** the value's label: the catalogue's for a code, the directory's own name otherwise (a domain's translated where the catalogue has it) */
          label: z.string(),
          /** the directory's own name, when `label` is its translation */
          printedLabel: z.string().optional(),
          count: z.number().int(),
          selected: z.boolean(),
          parent: z.string().optional(),
          /** the same search with this value toggled */
          href: z.string(),
        }),
      ),
    }),
  ),
  selected: z.array(z.object({ facet: z.string(), value: z.string(), label: z.string(), removeHref: z.string() })),
  clearHref: z.string(),
  sorts: z.array(z.object({ value: SortOrder, href: z.string(), current: z.boolean() })),
  pagination: PaginationView,
  suggestions: z.array(z.object({ text: z.string(), href: z.string() })),
  notices: z.array(z.string()),
  /** the map of this page's results: the partnerships of its partnership and project hits */
  map: MapView.optional(),
});
export type SearchView = z.infer<typeof SearchView>;

/** A facet value's label, and the directory's own name beside it when the label is its translation. */
function translated(label: string, own: string | undefined): { label: string; printedLabel?: string } {
  return own === undefined || own === label ? { label } : { label, printedLabel: own };
}

const hrefOf = (query: SearchQuery) => paths.search(searchParamsOf(query).toString());

/** A hit's page, in the directory being drawn (paths.ts). */
export function hitHref(type: string, id: string): string {
  if (type === 'partnership') return paths.partnership(id);
  if (type === 'project') return paths.project(id);
  if (type === 'notice') return paths.notice(id);
  return paths.collectivity(id);
}

/**
 * An excerpt that shows a private coordinate loses its highlighting and the coordinate. It is
 * read as text (an address's "d'Arc" is "d&#39;Arc" in the excerpt's HTML), and escaped again.
 */
export function redactExcerpt(excerptHtml: string, redactor: Redactor | undefined): string {
  if (redactor === undefined) return excerptHtml;
  const plain = unescapeHtml(excerptHtml.replace(/<\/?mark>/g, ''));
  const redacted = redactor.text(plain);
  return redacted === plain ? excerptHtml : escapeHtml(redacted);
}

export async function searchView(
  searcher: Searcher | undefined,
  params: Record<string, string | string[] | undefined>,
  options: { directoryId?: string; countries?: readonly string[]; redactor?: Redactor; beforeSearch?: () => Promise<void>; locale?: Locale } = {},
): Promise<SearchView> {
  if (searcher === undefined) throw new RepertoireError('not-supported', 'search is not available', 503);
  const parsed = parseSearchParams(params);
  await options.beforeSearch?.();
  const result = await searcher.search(parsed.query, options.directoryId);
  const query = result.query;
  const toggled = (facet: FacetName, value: string): SearchQuery => {
    const current = query.filters[facet] ?? [];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    return { ...query, page: 1, filters: { ...query.filters, [facet]: next } };
  };
  const pageHref = (page: number) => hrefOf({ ...query, page });
  const shown = new Set([1, result.pages, query.page - 2, query.page - 1, query.page, query.page + 1, query.page + 2].filter((n) => n >= 1 && n <= result.pages));
  const labels = new Map<string, string>();
  // labels per facet value, never per hit: the bench's figures stay the search's own
  const locale = options.locale ?? currentLanguage();
  for (const facet of FACET_NAMES) for (const v of result.facets[facet] ?? []) labels.set(`${facet}\u0000${v.value}`, facetValueLabel(locale, facet, v));

  const view = {
    query: { q: query.q, filters: Object.fromEntries(Object.entries(query.filters).filter(([, v]) => v !== undefined && v.length > 0)), sort: query.sort, page: query.page, perPage: query.perPage },
    total: result.total,
    tookMs: result.tookMs,
    hits: result.hits.map((hit) =>
      strip({
        type: hit.type,
        id: hit.id,
        // a collectivity under its name in the page's language (an Arabic page's «الجماعة الحضرية لمراكش»)
        // and a notice under the name of the collectivity that seeks
        title: hit.type === 'collectivity' ? namesIn(hit.id, hit.title, undefined).name : hit.collectivityId !== undefined ? namesIn(hit.collectivityId, hit.title, undefined).name : hit.title,
        subtitle: hit.subtitle,
        excerptHtml: redactExcerpt(hit.excerptHtml, options.redactor),
        date: hit.date,
        padCofinanced: hit.padCofinanced,
        href: hitHref(hit.type, hit.id),
        partnershipHref: hit.partnershipId === undefined || hit.type === 'partnership' ? undefined : paths.partnership(hit.partnershipId),
        partnershipId: hit.type === 'partnership' ? hit.id : hit.partnershipId,
      }),
    ),
    countries: [...(options.countries ?? [])],
    facets: FACET_NAMES.map((name) => ({
      name,
      values: [...(result.facets[name] ?? [])]
        .sort((a, b) => Number(b.selected) - Number(a.selected))
        .map((v) => strip({ value: v.value, ...translated(labels.get(`${name}\u0000${v.value}`)!, v.label), count: v.count, selected: v.selected, parent: v.parent, href: hrefOf(toggled(name, v.value)) })),
    })).filter((facet) => facet.values.length > 0),
    selected: FACET_NAMES.flatMap((facet) =>
      (query.filters[facet] ?? []).map((value) => ({
        facet,
        value,
        label: labels.get(`${facet}\u0000${value}`) ?? facetValueLabel(locale, facet, { value }),
        removeHref: hrefOf(toggled(facet, value)),
      })),
    ),
    clearHref: hrefOf({ ...query, page: 1, filters: {} }),
    sorts: SortOrder.options.map((value) => ({ value, href: hrefOf({ ...query, sort: value, page: 1 }), current: value === query.sort })),
    pagination: {
      page: query.page,
      pages: result.pages,
      total: result.total,
      perPage: query.perPage,
      links: [...shown].sort((a, b) => a - b).map((n) => ({ page: n, href: pageHref(n), current: n === query.page })),
      ...(query.page > 1 && result.pages > 0 ? { previous: pageHref(Math.min(query.page - 1, result.pages)) } : {}),
      ...(query.page < result.pages ? { next: pageHref(query.page + 1) } : {}),
    },
    suggestions: result.suggestions.map((suggestion) => {
      const params = new URLSearchParams(suggestion);
      return { text: params.get('q') ?? suggestion, href: paths.search(params.toString()) };
    }),
    notices: [...new Set([...parsed.notices, ...result.notices])],
  };
  return SearchView.parse(view);
}
