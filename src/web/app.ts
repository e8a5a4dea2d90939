/**
 * The public site: a Fastify app serving every page as HTML and as its JSON twin, the assets,
 * /openapi.json, one error handler and one not-found handler. Dependencies come in: the store,
 * the searcher (optional: without it /recherche answers 503), the directory to show.
 *
 * Here every route, hook and handler of the site is registered, in order (the language prefix, the
 * members', the public pages, the exports, the errors); how a public page is served is
 * public-pages.ts, and the parts that stand alone live beside it (lanes, admission, conditional, paths).
 */
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { sql, type Kysely } from 'kysely';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { DEFAULT_PAGE_CACHE_MB, DEFAULT_PAGES_IN_FLIGHT, type Config } from '../config.js';
import { RepertoireError } from '../errors.js';
import { systemClock, type Clock } from '../accounts/clock.js';
import type { MailTransport } from '../accounts/mail.js';
import type { AccountService } from '../accounts/service.js';
import type { Census } from '../census/index.js';
import { createAdmission, longWorkLimit, RETRY_AFTER_SECONDS, type Admission } from './admission.js';
import { registerAdminRoutes } from './admin/routes.js';
import { registerTableImportRoutes } from './admin/table-import.js';
import { registerMembers } from './auth/members.js';
import { registerAuthRoutes } from './auth/routes.js';
import { registerPasswordResetRoutes } from './auth/password-reset-routes.js';
import { registerCensusRoutes } from './census/routes.js';
import { registerNoticeRoutes } from './notices/routes.js';
import type { Searcher } from '../search/types.js';
import { parseSearchParams } from '../search/params.js';
import type { Store } from '../store/db.js';
import type { Database } from '../store/tables.js';
import { countSnapshotsWith } from '../stats/snapshot.js';
import { DirectoryCache, type Directory } from './data/directory.js';
import { errorView, type ErrorView } from './errors.js';
import { registerCatalogue } from './catalogue/index.js';
import { registerExports } from './export/index.js';
import { registerRecordPdfs } from './record-pdf/index.js';
import { createLanes } from './lanes.js';
import { registerBaseMaps } from './maps/base.js';
import { html } from './html.js';
import { editionLabel, t, useArabicDigits, type MessageKey, type Params } from './i18n/index.js';
import { currentLanguage, inLanguage, splitLanguage } from './language.js';
import { languageOf, suggestedLanguage } from './request-language.js';
import { layout, type Colophon } from './layout.js';
import { MEMBER_PAGES } from './member-pages.js';
import { prefersJson } from './negotiation.js';
import { DIRECTORY_PREFIX, registerPublicPages } from './public-pages.js';
import { openApiDocument } from './openapi.js';
import { PageMoved, movedUrl, type QueryParams, type RenderContext } from './page.js';
import { PAGES } from './pages/index.js';
import { registerStatisticsCsv } from './pages/statistics/csv.js';
import { paths } from './paths.js';
import { applySecurityHeaders, clientErrorResponse, registerSecurityHeaders, securedServer } from './security-headers.js';

/** The site's assets, found from src/web and dist/web alike (they are not compiled). */
export const ASSETS_DIR = fileURLToPath(new URL('../../src/web/assets/', import.meta.url));

export interface AppOptions {
  readonly store: Pick<Store, 'db'>;
  readonly searcher?: Searcher;
  readonly config?: Config;
  /** the directory to show; by default the one last imported */
  readonly directoryId?: string;
  readonly logger?: FastifyServerOptions['logger'];
  /** brings the directory's search index up to date with the store; called before each search */
  readonly refreshSearchIndex?: (directoryId: string) => Promise<void>;
  /** the members' services (default: built on the store); tests pass theirs */
  readonly accounts?: AccountService;
  readonly census?: Census;
  /** where the members' mail goes (default: SMTP when the configuration has SMTP_URL, else the console); tests pass theirs */
  readonly mailTransport?: MailTransport;
  /** read the directory and its counts at start, in the background (the server does; tests need not) */
  readonly warm?: boolean;
  /** where long reads go — the whole directory's counts, a results page's map (`PageInput.reader`); default the store. The server: the search thread's connection */
  readonly reader?: Kysely<Database>;
  /** how many pages may be in progress at once (default: `config.pagesInFlight`, else DEFAULT_PAGES_IN_FLIGHT); tests pass theirs to hold it */
  readonly admission?: Admission;
  /** how many of them may be long (searches, long pages: `longWorkLimit`); tests pass theirs */
  readonly longWork?: Admission;
  /** the snapshots the pages are drawn from (default: one over the store, `directoryId` and `reader`); tests pass theirs to wait for its partner graph */
  readonly directories?: DirectoryCache;
  /** the code that draws the pages, in their entity tags (default: this app's start) */
  readonly release?: string;
  /** the time the pages read what expires against (default: the system's); tests move theirs */
  readonly clock?: Clock;
  /** which build of a directory's search index is searched: see PublicPagesOptions (the server passes it on a read-only instance) */
  readonly searchIndexVersion?: (directoryId: string) => Promise<string>;
  /** what the health check says beside `"status":"ok"` (the server: whether it is read-only, its search indexes' state) */
  readonly health?: () => Promise<Record<string, unknown>>;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  if (options.config?.arabicDigits !== undefined) useArabicDigits(options.config.arabicDigits);
  // Errors the router raises before any route runs (a malformed or too long URL) go through the
  // same error page; the function is filled in once the page machinery below exists.
  let frameworkError: (error: Error, request: FastifyRequest, reply: FastifyReply) => unknown = () => undefined;
  const app = Fastify({
    logger: options.logger ?? false,
    frameworkErrors: (error, request, reply) => frameworkError(error, request, reply),
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 2000 },
    return503OnClosing: true,
    // the client's address (sign-in limits) from X-Forwarded-For only behind the proxies configured
    trustProxy: options.config?.site?.trustProxy ? [...options.config.site.trustProxy] : false,
    serverFactory: securedServer,
    clientErrorHandler: clientErrorResponse,
    // /en/… and /ar/… are the French routes in another language (language.ts): routed without their prefix
    rewriteUrl: (raw) => splitLanguage(raw.url ?? '/').url,
  });
  // every route runs in its request's language: its labels, and links that stay in that language
  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function (this: FastifyInstance, request, reply) {
      return inLanguage(languageOf(request), () => handler.call(this, request, reply));
    };
  });
  const cache = options.directories ?? new DirectoryCache(options.store.db, options.directoryId, options.reader);
  if (options.reader !== undefined) countSnapshotsWith(options.store.db, options.reader);
  if (options.warm === true) {
    // the default directory's counts; then, in the background, every directory's statistics and
    // map snapshot, coordination lists and partner graph (DirectoryCache.warm): seconds each at a
    // million projects, the graph a minute
    cache.warm().catch((error: unknown) => app.log.warn({ err: error }, 'reading the directory ahead failed'));
    // then the search thread reads the index's tallies (61 MB at a million projects, 3 s), ahead of the first search's statistics
    const searcher = options.searcher;
    if (searcher?.tally !== undefined) {
      void cache
        .warmed()
        .then(async () => searcher.tally!(parseSearchParams({}).query, (await cache.get()).id, 0))
        .catch((error: unknown) => app.log.warn({ err: error }, 'reading the search tallies ahead failed'));
    }
  }

  const securityHeaders = { alwaysHttps: options.config?.site?.secureCookies === true };
  registerSecurityHeaders(app, securityHeaders);

  await app.register(fastifyStatic, { root: ASSETS_DIR, prefix: '/assets/', index: false, list: false, maxAge: '1h' });

  /** `directory`: the snapshot the page was read from, when there is one (the same record for both audiences) */
  const colophonOf = async (directory: () => Promise<Directory> = () => cache.get()): Promise<Colophon | undefined> => {
    const dir = await directory().catch(() => undefined);
    if (dir === undefined) return undefined;
    return { title: dir.record.title, publishers: (dir.record.publishers ?? []).join(', '), edition: editionLabel(currentLanguage(), dir.record.edition ?? '') };
  };

  // a read-only instance (a replica): see below
  const readOnly = options.config?.readOnly === true;
  const renderContext = (request: FastifyRequest): RenderContext => {
    const q = (request.query as QueryParams | undefined)?.q;
    const searchText = (Array.isArray(q) ? q[0] : q) ?? '';
    const locale = languageOf(request);
    const suggested = suggestedLanguage(request);
    const base = { locale, t: (key: MessageKey, params?: Params) => t(locale, key, params), url: request.originalUrl, searchText: searchText.slice(0, 500), ...(readOnly ? { readOnly } : {}) };
    return suggested === undefined ? base : { ...base, suggested };
  };

  // A read-only instance (a replica) serves the public pages only: a form or a members' page is
  // refused at once, before any session or CSRF check reads or writes the store.
  const memberRoutes = new Set<string>();
  let registeringMembers = false;
  if (readOnly) {
    app.addHook('onRoute', (route) => {
      if (registeringMembers) memberRoutes.add(route.url);
    });
    app.addHook('onRequest', async (request) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || memberRoutes.has(request.routeOptions.url ?? '')) {
        throw new RepertoireError('read-only', 'this instance is read-only (a replica): sign in and send forms on the main site', 503);
      }
    });
  }
  registeringMembers = true;
  // Accounts, sessions, CSRF on every POST, and the members' pages (sign-in, census, review, history, administration).
  const members = await registerMembers(app, {
    db: options.store.db,
    ...(options.config ? { config: options.config } : {}),
    ...(options.accounts ? { accounts: options.accounts } : {}),
    ...(options.census ? { census: options.census } : {}),
    ...(options.mailTransport ? { mailTransport: options.mailTransport } : {}),
    ...(options.clock ? { now: options.clock } : {}),
    directory: (audience, directoryId) => cache.get(audience, directoryId),
    baseContext: renderContext,
    layout: async (page, context) => layout(page, context, await colophonOf(), { twin: false }).value,
  });
  // the members' pages, built on the services registerMembers holds (they import it, not it them)
  registerAuthRoutes(app, members);
  registerPasswordResetRoutes(app, members);
  registerAdminRoutes(app, members);
  registerTableImportRoutes(app, members);
  registerCensusRoutes(app, members);
  registerNoticeRoutes(app, members);
  registeringMembers = false;

  const lanes = createLanes();
  const pagesInFlight = options.config?.pagesInFlight ?? DEFAULT_PAGES_IN_FLIGHT;
  const admission = options.admission ?? createAdmission(pagesInFlight);
  const longWork = options.longWork ?? createAdmission(longWorkLimit(pagesInFlight));
  const release = options.release ?? Date.now().toString(36);
  const clock = options.clock ?? systemClock;
  registerPublicPages(app, {
    db: options.store.db,
    ...(options.reader !== undefined ? { reader: options.reader } : {}),
    ...(options.searcher !== undefined ? { searcher: options.searcher } : {}),
    ...(options.refreshSearchIndex !== undefined ? { refreshSearchIndex: options.refreshSearchIndex } : {}),
    ...(options.searchIndexVersion !== undefined ? { searchIndexVersion: options.searchIndexVersion } : {}),
    pageCacheMb: options.config?.pageCacheMb ?? DEFAULT_PAGE_CACHE_MB,
    cache,
    members,
    lanes,
    admission,
    longWork,
    release,
    clock,
    colophonOf,
  });

  const directoryOf = (request: FastifyRequest) => (request.params as { directory?: string } | undefined)?.directory;
  const publicDirectory = (request: FastifyRequest) => cache.get('public', directoryOf(request));
  const refreshIndexOf = (request: FastifyRequest) => async () => options.refreshSearchIndex?.((await publicDirectory(request)).id);
  const prefixes = ['', DIRECTORY_PREFIX];

  // each table of the statistics page as CSV, for the public (no named person's coordinates in them)
  registerStatisticsCsv(
    app,
    (request) => ({
      locale: languageOf(request),
      params: {},
      query: (request.query ?? {}) as QueryParams,
      directory: () => publicDirectory(request),
      db: options.store.db,
      searcher: options.searcher,
      beforeSearch: refreshIndexOf(request),
    }),
    prefixes,
  );

  registerExports(app, {
    db: options.store.db,
    searcher: options.searcher,
    beforeSearch: (request) => refreshIndexOf(request)(),
    directory: publicDirectory,
    prefixes,
    page: async (request, page) => layout(page, await members.context(request), await colophonOf(() => publicDirectory(request)), { twin: false }).value,
  });

  registerBaseMaps(app);
  registerCatalogue(app, options.store.db);
  registerRecordPdfs(app, { db: options.store.db, directory: publicDirectory, prefixes });

  // For the reverse proxy's health checks: outside the pages' admission limit, so that an instance
  // busy refusing pages is not taken for a dead one; it answers only when the store does.
  app.get(paths.health(), async (_request, reply) => {
    await sql`SELECT 1`.execute(options.store.db);
    const more = (await options.health?.()) ?? {};
    return reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify({ status: 'ok', ...more }));
  });

  app.get(paths.openapi(), async (request, reply) =>
    reply.type('application/json; charset=utf-8').send(JSON.stringify(openApiDocument(PAGES, { serverUrl: `${request.protocol}://${request.host}`, memberPages: MEMBER_PAGES }))),
  );

  const sendError = async (request: FastifyRequest, reply: FastifyReply, view: ErrorView) => {
    reply.status(view.error.status);
    const retryAfter = RETRY_AFTER[view.error.code];
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    if (isJsonUrl(request.url) || prefersJson(request)) return reply.type('application/json; charset=utf-8').send(JSON.stringify(view));
    // refusing must stay cheap: no session, no directory read
    const busy = view.error.code === 'overloaded';
    const context = busy ? renderContext(request) : await members.context(request);
    const words = errorWords(view);
    const title = context.t(`error.${words}.title`);
    // a failure worded by the layers below says what went wrong (the campaign is unknown, the proposal decided), in the page's language
    const text = view.error.key === undefined ? context.t(`error.${words}.text`) : view.error.message;
    const body = html`<section class="error"><h1>${title}</h1><p>${text}</p><p><a href="${paths.home()}">${context.t('error.back')}</a></p></section>`;
    return reply
      .type('text/html; charset=utf-8')
      .send(layout({ title, breadcrumbs: [{ href: request.url, label: title }], body }, context, busy ? undefined : await colophonOf(), { twin: false }).value);
  };

  frameworkError = (error, request, reply) => {
    // no hook runs before these errors
    applySecurityHeaders(request, reply, securityHeaders);
    return inLanguage(languageOf(request), () => sendError(request, reply, errorView(error)));
  };

  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof PageMoved) return reply.redirect(movedUrl(request.originalUrl, error), 301);
    // the view in the page's language: a failure's wording is said in it
    return inLanguage(languageOf(request), () => {
      const view = errorView(error);
      if (view.error.status >= 500 && view.error.status !== 503) request.log.error({ err: error }, 'request failed');
      return sendError(request, reply, view);
    });
  });

  app.setNotFoundHandler(async (request, reply) =>
    inLanguage(languageOf(request), () =>
      sendError(request, reply, errorView(new RepertoireError('not-found', `no page at ${request.originalUrl.split('?')[0]?.slice(0, 200) ?? ''}`, 404))),
    ),
  );

  return app;
}

/** Seconds a client should wait before asking again, by error code: a refused page soon, an import's lock a little later. */
const RETRY_AFTER: Readonly<Record<string, number>> = { overloaded: RETRY_AFTER_SECONDS, 'store-busy': 5 };

/** Which of the catalogue's error wordings (`error.<words>.title`, `.text`) an error page says. */
function errorWords(view: ErrorView): 'busy' | 'updating' | 'readOnly' | 'notFound' | 'unavailable' | 'server' | 'badRequest' {
  const { status, code } = view.error;
  if (code === 'overloaded') return 'busy';
  if (code === 'read-only') return 'readOnly';
  if (code === 'store-busy') return 'updating';
  if (status === 404) return 'notFound';
  if (status === 503) return 'unavailable';
  return status >= 500 ? 'server' : 'badRequest';
}

function isJsonUrl(url: string): boolean {
  return (url.split('?')[0] ?? '').endsWith('.json');
}
