/**
 * The language of a request. French is served at the root, English under `/en/`, Arabic under
 * `/ar/` — every page, public or members', in each (`/en/r/<id>/…` for a directory's). The app
 * strips the prefix before routing (Fastify's `rewriteUrl`), so that one route serves the three,
 * and runs each route in its language's scope (`inLanguage`): the paths (paths.ts, auth/paths.ts)
 * then keep a page's links in its language, as `inDirectory` keeps them in its directory. The
 * scope is the request's, like the directory's; passing the language through every link was the
 * alternative.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './i18n/index.js';

const languageScope = new AsyncLocalStorage<Locale>();

/** Runs `work` with the links and labels of `locale`. */
export function inLanguage<T>(locale: Locale, work: () => T): T {
  return languageScope.run(locale, work);
}

/** The language of the request being drawn (French outside any request). */
export function currentLanguage(): Locale {
  return languageScope.getStore() ?? DEFAULT_LOCALE;
}

/** The prefix of a language's URLs: '' for French, `/en`, `/ar`. */
export function languagePrefix(locale: Locale = currentLanguage()): string {
  return locale === DEFAULT_LOCALE ? '' : `/${locale}`;
}

const PREFIXED = new RegExp(`^/(${LOCALES.filter((l) => l !== DEFAULT_LOCALE).join('|')})(?=/|\\?|#|$)`);

/** A URL as asked (`/en/partenariats?page=2`): its language and the URL without the prefix (`/partenariats?page=2`). */
export function splitLanguage(url: string): { locale: Locale; url: string } {
  const match = PREFIXED.exec(url);
  if (match === null) return { locale: DEFAULT_LOCALE, url };
  const rest = url.slice(match[0].length);
  return { locale: match[1] as Locale, url: rest.startsWith('/') ? rest : `/${rest}` };
}

/** A root-relative URL of the French site in `locale`: `/partenariats` → `/en/partenariats`, `/` → `/en/`. */
export function inLocale(url: string, locale: Locale): string {
  const bare = splitLanguage(url).url;
  const prefix = languagePrefix(locale);
  if (prefix === '') return bare;
  return bare === '/' || bare.startsWith('/?') ? `${prefix}${bare}` : `${prefix}${bare}`;
}

/**
 * The language an `Accept-Language` header prefers among the site's, if any (q-values honoured;
 * `ar-MA` counts for `ar`, `en-GB` for `en`): for the notice a first visit gets, never a redirect.
 */
export function preferredLanguage(header: string | undefined): Locale | undefined {
  if (header === undefined || header === '') return undefined;
  const ranges = header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q.slice(2)) || 0, order };
    })
    .filter((range) => range.q > 0 && range.tag !== '')
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const range of ranges) {
    const primary = range.tag.split('-')[0] as Locale;
    if ((LOCALES as readonly string[]).includes(primary)) return primary;
  }
  return undefined;
}
