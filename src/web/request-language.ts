/**
 * A request's language (language.ts) as the app reads it from Fastify's request, and the first
 * visit's notice: `Accept-Language` only suggests the page in another of the site's languages,
 * once, never redirects.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from './i18n/index.js';
import { preferredLanguage, splitLanguage } from './language.js';

/** What a public page depends on besides its URL: HTML or JSON, and the first visit's notice (the browser's languages, the visit cookie). */
export const VARY = 'Accept, Accept-Language, Cookie';

/** The cookie that says the visitor has seen a page: the notice of another language is for the first visit only. */
export const VISITED_COOKIE = 'repertoire_langue';

/** The language of a request, from the URL it asked for (`/en/…`, `/ar/…`, else French). */
export function languageOf(request: FastifyRequest): Locale {
  return splitLanguage(request.originalUrl ?? request.url).locale;
}

/**
 * The language to suggest on a first visit: the one `Accept-Language` prefers among the site's,
 * when it is not the page's. Only suggested (a notice with a link), never a redirect: a visitor
 * who follows a link to the French page gets the French page.
 */
export function suggestedLanguage(request: FastifyRequest): Locale | undefined {
  if (request.cookies?.[VISITED_COOKIE] !== undefined) return undefined;
  const preferred = preferredLanguage(request.headers['accept-language']);
  return preferred === undefined || preferred === languageOf(request) ? undefined : preferred;
}

/** After the notice was shown once, the visitor has visited: no notice again. */
export function rememberVisit(reply: FastifyReply, locale: Locale): void {
  reply.setCookie(VISITED_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
}
