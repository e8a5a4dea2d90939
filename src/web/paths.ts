/** The site's URLs, in one place. Ids are slugs, but are encoded anyway. */
const e = encodeURIComponent;

export const paths = {
  home: () => '/',
  search: (query = '') => (query === '' ? '/recherche' : `/recherche?${query}`),
  partnerships: () => '/partenariats',
  partnership: (id: string) => `/partenariats/${e(id)}`,
  projects: () => '/projets',
  project: (id: string) => `/projets/${e(id)}`,
  collectivities: () => '/collectivites',
  collectivity: (id: string) => `/collectivites/${e(id)}`,
  domains: () => '/domaines',
  domain: (code: string) => `/domaines/${e(code)}`,
  synthesis: () => '/synthese',
  brief: () => '/autres-partenariats',
  report: () => '/rapport',
  statistics: (query = '') => (query === '' ? '/statistiques' : `/statistiques?${query}`),
  pad: () => '/pad',
  editions: () => '/editions',
  comparison: (from: string, to: string) => `/editions/${e(from)}/${e(to)}`,
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

/** The JSON twin of a page URL: the same path with `.json` (`/` gives `/index.json`), same query. */
export function jsonTwin(url: string): string {
  const [path = '/', query] = url.split('?', 2) as [string, string | undefined];
  const bare = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const twin = bare === '/' ? '/index.json' : `${bare}.json`;
  return query === undefined ? twin : `${twin}?${query}`;
}
