/**
 * The public pages, served: each page of PAGES at the root (the default directory) and under
 * /r/<id> (any directory), as HTML and as its JSON twin. Each is admitted (admission.ts), goes in
 * its lane (lanes.ts: record pages before searches), and is tagged (conditional.ts): a page drawn
 * once is sent again as it is, or answered 304, until the store or the partner graph changes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../accounts/clock.js';
import { Lru } from '../lru.js';
import type { Searcher } from '../search/types.js';
import type { Database } from '../store/tables.js';
import { overloaded, type Admission } from './admission.js';
import { recordOfPage, type Members } from './auth/members.js';
import { notModified, pageTag } from './conditional.js';
import type { Directory, DirectoryCache } from './data/directory.js';
import type { Lanes } from './lanes.js';
import { layout, type Colophon } from './layout.js';
import { prefersJson } from './negotiation.js';
import type { AnyPage, PageInput, QueryParams } from './page.js';
import { PAGES } from './pages/index.js';
import { inDirectory } from './paths.js';
import { languageOf, rememberVisit, suggestedLanguage, VARY } from './request-language.js';

/** Where a directory's pages stand besides the root: /r/<id>/… */
export const DIRECTORY_PREFIX = '/r/:directory';

export interface PublicPagesOptions {
  readonly db: Kysely<Database>;
  /** where long reads go (`PageInput.reader`) */
  readonly reader?: Kysely<Database>;
  readonly searcher?: Searcher;
  /** brings a directory's search index up to date with the store; called before each search */
  readonly refreshSearchIndex?: (directoryId: string) => Promise<void>;
  /**
   * which build of a directory's search index is searched, when it may change while the store's
   * stamp does not (a read-only instance: the writer's new build lands later); in the pages' tags
   */
  readonly searchIndexVersion?: (directoryId: string) => Promise<string>;
  /** how much the drawn pages kept may weigh */
  readonly pageCacheMb: number;
  readonly cache: DirectoryCache;
  readonly members: Members;
  readonly lanes: Lanes;
  readonly admission: Admission;
  readonly longWork: Admission;
  /** the code that draws the pages, in their entity tags */
  readonly release: string;
  readonly clock: Clock;
  readonly colophonOf: (directory: () => Promise<Directory>) => Promise<Colophon | undefined>;
}

/** A public page as it was sent: its content type and bytes. */
interface DrawnPage {
  readonly type: string;
  readonly body: Buffer;
  /** drawn in the background (a search, a long page): sent again in the background too */
  readonly background: boolean;
}

/**
 * A page's text as UTF-8 bytes, encoded once. Given a string, the server measures its length and
 * then encodes it, each a pass over a string built of thousands of pieces: on a search page of
 * 160 KB that was a fifth of the serving thread's time.
 */
function bytes(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

export function registerPublicPages(app: FastifyInstance, options: PublicPagesOptions): void {
  const { cache, members, lanes, admission, longWork, release, clock, colophonOf } = options;
  // A public page is a function of its tag (conditional.ts): drawn once, it is sent again as it is
  // to whoever asks for it before the store changes, without reading or drawing anything.
  const drawn = new Lru<string, DrawnPage>(Math.round(options.pageCacheMb * 2 ** 20), (page) => page.body.length);
  const send = async (request: FastifyRequest, reply: FastifyReply, page: AnyPage, params: Record<string, string>, json: boolean) => {
    const leaveAdmission = admission.tryEnter();
    if (leaveAdmission === undefined) throw overloaded();
    try {
      return await sendPage(request, reply, page, params, json);
    } finally {
      leaveAdmission();
    }
  };
  const sendPage = async (request: FastifyRequest, reply: FastifyReply, page: AnyPage, params: Record<string, string>, json: boolean) => {
    // a directory's pages (/r/<id>/…) link within it (paths.ts)
    const directoryId = (request.params as { directory?: string } | undefined)?.directory;
    return inDirectory(directoryId, () => drawPage(request, reply, page, params, json, directoryId));
  };
  // a page is drawn from the snapshot and from the partner graph at hand, which comes later (built
  // in the background): a page drawn before the graph is not kept, nor 304'd, once it is there
  // On a read-only instance the index searched may be older than the records, and be replaced
  // without the store's stamp moving: the build is then part of the version too.
  const indexVersion = options.searchIndexVersion;
  const versionOf = async (dir: Directory) => `${dir.stamp}|${dir.partnerGraphBuiltFor() ?? ''}${indexVersion === undefined ? '' : `|${await indexVersion(dir.id)}`}`;
  const drawPage = async (request: FastifyRequest, reply: FastifyReply, page: AnyPage, params: Record<string, string>, json: boolean, directoryId: string | undefined) => {
    // Signed-in members' HTML shows named people's coordinates; the JSON twins never do.
    const audience = json ? 'public' : members.audience(request);
    // read once a request: each reading checks the store's version first
    let read: Promise<Directory> | undefined;
    const directory = (): Promise<Directory> => (read ??= cache.get(audience, directoryId));
    const refreshSearchIndex = options.refreshSearchIndex;
    // a public page the client holds as it is now: 304, neither read nor drawn
    const locale = languageOf(request);
    // a first visit whose browser prefers another of the site's languages gets a notice (the page's only difference)
    const suggested = json ? undefined : suggestedLanguage(request);
    if (suggested !== undefined) rememberVisit(reply, locale);
    const tag =
      audience === 'public'
        ? pageTag({ release, stamp: `${await versionOf(await directory())}${page.dated === true ? `|${clock().toISOString().slice(0, 10)}` : ''}`, locale: `${locale}${suggested === undefined ? '' : `>${suggested}`}`, representation: json ? 'json' : 'html', url: request.originalUrl })
        : undefined;
    // the page depends on Accept (HTML or JSON), and on Accept-Language and the cookie that says a visit is not the first
    const cacheControl = suggested === undefined ? 'no-cache' : 'private, no-cache';
    if (tag !== undefined && notModified(request.headers['if-none-match'], tag)) {
      return reply.code(304).headers({ etag: tag, 'cache-control': cacheControl, vary: VARY }).send();
    }
    const kept = tag === undefined ? undefined : drawn.get(tag);
    if (kept !== undefined) {
      // a results or long page, even kept, still goes after the record pages under way (lanes.ts)
      if (kept.background) await lanes.turn();
      return reply.headers({ etag: tag, 'cache-control': cacheControl, vary: VARY }).type(kept.type).send(kept.body);
    }
    const leaveForeground = lanes.foreground();
    let background = false;
    let leaveLongWork: (() => void) | undefined;
    // long work (a search, a long page) is admitted apart, a few at once: it holds the search thread,
    // and queued behind itself it would wait for seconds
    const toBackground = () => {
      leaveLongWork ??= longWork.tryEnter();
      if (leaveLongWork === undefined) throw overloaded();
      background = true;
      leaveForeground();
    };
    const searcher = options.searcher;
    try {
      // a results page moves to the background when it searches; a long page is there from the start
      if (page.long === true) {
        toBackground();
        await lanes.turn();
      }
      const input: PageInput = {
        locale,
        params,
        query: (request.query ?? {}) as QueryParams,
        directory,
        db: options.db,
        ...(options.reader !== undefined ? { reader: options.reader } : {}),
        // a request that searches gives way to record pages before each long piece of its work (lanes.ts)
        searcher:
          searcher === undefined
            ? undefined
            : {
                // the site's clock decides which partner-search notices are past their last day
                search: async (query, directoryId, today) => {
                  toBackground();
                  const result = await searcher.search(query, directoryId, today ?? clock().toISOString().slice(0, 10));
                  await lanes.turn();
                  return result;
                },
                ...(searcher.tally === undefined
                  ? {}
                  : {
                      tally: async (query, directoryId, rankLimit, today) => {
                        toBackground();
                        const result = await searcher.tally!(query, directoryId, rankLimit, today ?? clock().toISOString().slice(0, 10));
                        await lanes.turn();
                        return result;
                      },
                    }),
                close: () => searcher.close(),
              },
        ...(refreshSearchIndex !== undefined ? { beforeSearch: async () => refreshSearchIndex((await directory()).id), refreshIndexOf: refreshSearchIndex } : {}),
        directoryOf: (id) => cache.get(audience, id),
        clock,
      };
      const view: unknown = await page.load(input);
      reply.header('vary', VARY);
      // set once the page is read: an error page carries no tag (a 304 must never stand for it)
      if (tag !== undefined) reply.headers({ etag: tag, 'cache-control': cacheControl });
      const keep = (type: string, body: Buffer) => {
        if (tag !== undefined) drawn.set(tag, { type, body, background });
        return reply.type(type).send(body);
      };
      if (json) return keep('application/json; charset=utf-8', bytes(JSON.stringify(view)));
      if (audience === 'members') reply.header('cache-control', 'private, no-store');
      if (background) await lanes.turn();
      const context = await members.context(request, recordOfPage(page.path, params));
      const rendered = page.render(view, context);
      return keep('text/html; charset=utf-8', bytes(layout(rendered, context, await colophonOf(directory)).value));
    } finally {
      leaveForeground();
      leaveLongWork?.();
    }
  };

  // each page of a directory at the root (the default directory) and under /r/<id> (any directory)
  for (const page of PAGES) {
    const prefixes = page.sitewide === true ? [''] : ['', DIRECTORY_PREFIX];
    const last = page.path.split('/').pop() ?? '';
    for (const prefix of prefixes) {
      if (last.startsWith(':')) {
        // one route: the last parameter may end with .json (ids never hold a dot)
        const name = last.slice(1);
        app.get(`${prefix}${page.path}`, async (request, reply) => {
          const { directory: _directory, ...params } = { ...(request.params as Record<string, string>) };
          const value = params[name] ?? '';
          const json = value.endsWith('.json') || prefersJson(request);
          params[name] = value.endsWith('.json') ? value.slice(0, -'.json'.length) : value;
          return send(request, reply, page, params, json);
        });
      } else {
        const path = page.path === '/' && prefix !== '' ? prefix : `${prefix}${page.path}`;
        const twin = page.path === '/' ? `${prefix}/index.json` : `${prefix}${page.path}.json`;
        app.get(path, async (request, reply) => send(request, reply, page, {}, prefersJson(request)));
        app.get(twin, async (request, reply) => send(request, reply, page, {}, true));
      }
    }
  }

}
