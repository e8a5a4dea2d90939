/**
 * The site's URLs, in one place. Ids are slugs, but are encoded anyway.
 *
 * A store may hold several directories. The pages of each live under `/r/<directory id>` (its
 * home, lists, records, maps, statistics…); the same pages at the root show the site's default
 * directory, so that the links of a one-directory site stay as they were. A page drawn for a
 * directory links within that directory: the directory of the request being drawn is kept in an
 * AsyncLocalStorage (`inDirectory`), read by the paths below. Passing it as an argument through
 * every render function and view model (some 150 links) was the alternative: the scope is the
 * request, and this is the request's scope.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { languagePrefix } from './language.js';

const e = encodeURIComponent;

const directoryScope = new AsyncLocalStorage<string>();

/** Runs `work` (a page's reading and drawing) with the links of the directory `directoryId`; undefined: the default directory's, at the root. */
export function inDirectory<T>(directoryId: string | undefined, work: () => T): T {
  return directoryId === undefined ? directoryScope.exit(work) : directoryScope.run(directoryId, work);
}

/** The prefix of a directory's pages: `/r/<id>`. */
export function directoryPrefix(directoryId: string): string {
  return `/r/${e(directoryId)}`;
}

/** The prefix of the page being drawn: its language's (language.ts), then its directory's ('' for French and the default directory). */
function scope(): string {
  const directoryId = directoryScope.getStore();
  return languagePrefix() + (directoryId === undefined ? '' : directoryPrefix(directoryId));
}

/** The prefix of the site's own pages in the language being drawn. */
const site = () => languagePrefix();

export const paths = {
  /** the home of the directory being drawn (the site's home for the default one) */
  home: () => (directoryScope.getStore() === undefined ? `${site()}/` : scope()),
  /** the site's home: with several directories, their list */
  site: () => `${site()}/`,
  /** a directory's home */
  directory: (id: string) => `${site()}${directoryPrefix(id)}`,
  /** a partnership of another directory than the one being drawn */
  partnershipIn: (directoryId: string, id: string) => `${site()}${directoryPrefix(directoryId)}/partenariats/${e(id)}`,
  search: (query = '') => (query === '' ? `${scope()}/recherche` : `${scope()}/recherche?${query}`),
  partnerships: () => `${scope()}/partenariats`,
  partnership: (id: string) => `${scope()}/partenariats/${e(id)}`,
  projects: () => `${scope()}/projets`,
  project: (id: string) => `${scope()}/projets/${e(id)}`,
  collectivities: () => `${scope()}/collectivites`,
  collectivity: (id: string) => `${scope()}/collectivites/${e(id)}`,
  domains: () => `${scope()}/domaines`,
  domain: (code: string) => `${scope()}/domaines/${e(code)}`,
  synthesis: () => `${scope()}/synthese`,
  brief: () => `${scope()}/autres-partenariats`,
  report: () => `${scope()}/rapport`,
  statistics: (query = '') => (query === '' ? `${scope()}/statistiques` : `${scope()}/statistiques?${query}`),
  pad: () => `${scope()}/pad`,
  /** the map of gaps: divisions where no collectivity has a partnership */
  coverage: () => `${scope()}/couverture`,
  /** partner-search notices: what collectivities seek, approved and not past */
  notices: () => `${scope()}/recherches-de-partenaires`,
  notice: (id: string) => `${scope()}/recherches-de-partenaires/${e(id)}`,
  /** the directory, or a search's results, as CSV, XLSX, JSON or IATI */
  export: () => `${scope()}/export`,
  /** every directory of the store, in series */
  directories: () => `${site()}/repertoires`,
  /** a search across every directory of the store */
  searchAll: (query = '') => (query === '' ? `${site()}/repertoires/recherche` : `${site()}/repertoires/recherche?${query}`),
  comparison: (from: string, to: string) => `${site()}/editions/${e(from)}/${e(to)}`,
  openapi: () => '/openapi.json',
  health: () => '/sante',
  asset: (name: string) => `/assets/${name}`,
  /** a map's base layer (see maps/base.ts): `file` is `<country>.svg` */
  baseMap: (file: string) => `/cartes/fond-${file}`,
};

/** `path?query` with the query's empty values left out. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.append(name, String(value));
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** The JSON twin of a page URL: the same path with `.json` (a home, `/`, `/en/` or `/r/<id>`, gives its `index.json`), same query. */
export function jsonTwin(url: string): string {
  const [path = '/', query] = url.split('?', 2) as [string, string | undefined];
  const bare = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const twin = bare === '/' ? '/index.json' : /^(\/(en|ar))?(\/r\/[^/]+)?$/.test(bare) ? `${bare}/index.json` : `${bare}.json`;
  return query === undefined ? twin : `${twin}?${query}`;
}
