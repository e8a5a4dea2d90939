/**
 * The query's URL form, both ways. Parsing never throws: anything odd is clamped, truncated or
 * dropped, and a notice says so.
 */
import {
  DEFAULT_PER_PAGE,
  FACET_NAMES,
  MAX_PER_PAGE,
  MAX_QUERY_LENGTH,
  MAX_WINDOW,
  type FacetName,
  type SearchQuery,
  type SortOrder,
} from './types.js';

const SORTS: readonly SortOrder[] = ['relevance', 'date', 'name'];
/** Facets' former names, still read from old URLs (the canonical URL writes the new name). */
export const FACET_ALIASES: Readonly<Record<string, FacetName>> = { frenchKind: 'homeKind' };
const KNOWN = new Set<string>(['q', 'sort', 'page', 'perPage', ...FACET_NAMES, ...Object.keys(FACET_ALIASES)]);
const MAX_VALUES_PER_FACET = 50;
const MAX_VALUE_LENGTH = 200;
/** The last page that can hold a result of the browsable window, at one result a page. */
export const MAX_PAGE = MAX_WINDOW;

type Params = Record<string, string | string[] | undefined>;

function values(raw: string | string[] | undefined): string[] {
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
}

function first(raw: string | string[] | undefined): string | undefined {
  return values(raw)[0];
}

function integer(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text.trim());
  return Number.isFinite(n) ? Math.trunc(n) : Number.NaN;
}

export function emptyQuery(): SearchQuery {
  return { q: '', filters: {}, sort: 'relevance', page: 1, perPage: DEFAULT_PER_PAGE };
}

export function parseSearchParams(params: Params): { query: SearchQuery; notices: string[] } {
  const notices: string[] = [];
  const query = emptyQuery();
  const input: Params = params !== null && typeof params === 'object' ? params : {};

  // control characters are no words: blanks
  let q = [...(first(input.q) ?? '').slice(0, MAX_QUERY_LENGTH * 2)].map((c) => (c.charCodeAt(0) < 32 || c === '\u007f' ? ' ' : c)).join('');
  if (q.length > MAX_QUERY_LENGTH) {
    q = q.slice(0, MAX_QUERY_LENGTH);
    // never cut a surrogate pair in two
    if (/[\ud800-\udbff]$/.test(q)) q = q.slice(0, -1);
    notices.push(`La recherche a été tronquée à ${MAX_QUERY_LENGTH} caractères.`);
  }
  query.q = q;

  const sort = first(input.sort);
  if (sort !== undefined && sort !== '') {
    if ((SORTS as readonly string[]).includes(sort)) query.sort = sort as SortOrder;
    else notices.push('Ordre de tri inconnu : résultats classés par pertinence.');
  }

  const page = integer(first(input.page));
  if (page !== undefined) {
    if (Number.isNaN(page) || page < 1) {
      notices.push('Numéro de page invalide : première page affichée.');
    } else if (page > MAX_PAGE) {
      query.page = MAX_PAGE;
      notices.push(`Numéro de page trop grand : page ${MAX_PAGE} affichée.`);
    } else {
      query.page = page;
    }
  }

  const perPage = integer(first(input.perPage));
  if (perPage !== undefined) {
    if (Number.isNaN(perPage)) notices.push(`Nombre de résultats par page invalide : ${DEFAULT_PER_PAGE} par page.`);
    else if (perPage < 1 || perPage > MAX_PER_PAGE) {
      query.perPage = Math.min(MAX_PER_PAGE, Math.max(1, perPage));
      notices.push(`Nombre de résultats par page ramené à ${query.perPage}.`);
    } else query.perPage = perPage;
  }

  for (const facet of FACET_NAMES) {
    const list: string[] = [];
    const aliases = Object.keys(FACET_ALIASES).filter((alias) => FACET_ALIASES[alias] === facet);
    for (const raw of [...values(input[facet]), ...aliases.flatMap((alias) => values(input[alias]))]) {
      const value = raw.trim().slice(0, MAX_VALUE_LENGTH);
      if (value !== '' && !list.includes(value)) list.push(value);
    }
    if (list.length > MAX_VALUES_PER_FACET) {
      list.length = MAX_VALUES_PER_FACET;
      notices.push(`Trop de valeurs pour le filtre « ${facet} » : ${MAX_VALUES_PER_FACET} gardées.`);
    }
    if (list.length > 0) query.filters[facet] = list;
  }

  const unknown = Object.keys(input).filter((name) => !KNOWN.has(name));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).map((name) => `« ${name.slice(0, 40)} »`).join(', ');
    notices.push(`Filtre${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''} ignoré${unknown.length > 1 ? 's' : ''} : ${shown}${unknown.length > 5 ? '…' : ''}.`);
  }
  return { query, notices };
}

/** The canonical URL form: q, facets in their fixed order with sorted values, then sort, page, perPage; defaults omitted. */
export function searchParamsOf(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q.trim() !== '') params.append('q', query.q);
  for (const facet of FACET_NAMES) {
    const values = query.filters[facet];
    if (values === undefined || values.length === 0) continue; // most facets, for each of a results page's hundred links
    for (const value of values.length === 1 ? values : [...new Set(values)].sort()) params.append(facet, value);
  }
  if (query.sort !== 'relevance') params.append('sort', query.sort);
  if (query.page !== 1) params.append('page', String(query.page));
  if (query.perPage !== DEFAULT_PER_PAGE) params.append('perPage', String(query.perPage));
  return params;
}

/** A query made safe to run whatever its origin (a hand-built object may hold anything). */
export function sanitizeQuery(query: SearchQuery): { query: SearchQuery; notices: string[] } {
  const params: Params = {};
  const source = (query ?? {}) as Partial<SearchQuery>;
  if (typeof source.q === 'string') params.q = source.q;
  if (typeof source.sort === 'string') params.sort = source.sort;
  if (source.page !== undefined) params.page = String(source.page);
  if (source.perPage !== undefined) params.perPage = String(source.perPage);
  const filters = source.filters !== null && typeof source.filters === 'object' ? source.filters : {};
  for (const [name, list] of Object.entries(filters)) {
    if (Array.isArray(list)) params[name] = list.filter((v) => typeof v === 'string');
    else if (typeof list === 'string') params[name] = list;
  }
  return parseSearchParams(params);
}

export function isFacetName(name: string): name is FacetName {
  return (FACET_NAMES as readonly string[]).includes(name);
}
