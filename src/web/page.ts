/**
 * A page of the site, after Datasette: its data first, as a plain view model checked by a Zod
 * schema (`data.ts`), then its HTML, a pure function of that view model (`render.ts`). The app
 * serves the view model itself as the page's JSON twin (`…/page.json`, or `Accept:
 * application/json`) and describes it in /openapi.json from the same schema.
 *
 * To add a page: write `pages/<name>/data.ts` (schema + load) and `pages/<name>/render.ts`,
 * bind them with `definePage` in `pages/<name>/index.ts`, and list it in `pages/index.ts`.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../accounts/clock.js';
import type { z } from 'zod';
import type { Searcher } from '../search/types.js';
import type { MemberView, RecordRef } from './auth/view.js';
import type { Database } from '../store/tables.js';
import type { Directory } from './data/directory.js';
import type { SafeHtml } from './html.js';
import type { Locale, MessageKey, Params } from './i18n/index.js';
import type { Link } from './pages/common.js';

export type QueryParams = Record<string, string | string[] | undefined>;

/** What a page's data function gets: the request's parameters and the app's dependencies. */
export interface PageInput {
  /** the request's language: a view model's labels are in it (codes and ids are not) */
  readonly locale: Locale;
  readonly params: Readonly<Record<string, string>>;
  readonly query: QueryParams;
  /** the directory snapshot (read from the store when it changed) */
  directory(): Promise<Directory>;
  readonly db: Kysely<Database>;
  /** where a page's reads may go when they need not be on the serving thread: the search thread's connection on SQLite (store/off-thread.ts), else `db` */
  readonly reader?: Kysely<Database>;
  readonly searcher?: Searcher;
  /** brings the search index up to date with the store, before a search */
  readonly beforeSearch?: () => Promise<void>;
  /** for the pages of the whole site: the snapshot of any directory of the store, for the same audience */
  directoryOf?(directoryId: string): Promise<Directory>;
  /** for the pages of the whole site: brings a directory's search index up to date */
  readonly refreshIndexOf?: (directoryId: string) => Promise<void>;
  /** the time of the request: what expires (partner-search notices) is read against it */
  readonly clock?: Clock;
}

/** What a page's render function gets besides its view model. */
export interface RenderContext {
  readonly locale: Locale;
  t(key: MessageKey, params?: Params): string;
  /** the URL of this page (path and query), as asked */
  readonly url: string;
  /** the text to show in the header's search box */
  readonly searchText: string;
  /** the signed-in member, if any: the header shows them and their pages */
  readonly member?: MemberView;
  /** the record the page shows: the members' tools link to its history */
  readonly record?: RecordRef;
  /** a first visit whose browser prefers another of the site's languages: the layout offers it */
  readonly suggested?: Locale;
  /** a read-only instance (a replica): no one signs in there, so the header offers no sign-in */
  readonly readOnly?: boolean;
}

export interface RenderedPage {
  /** the document title (the site's name is added) */
  readonly title: string;
  /** the way back from this page: home is added in front */
  readonly breadcrumbs: readonly Link[];
  readonly body: SafeHtml;
  /** a members' page (forms, review): the layout adds their stylesheet */
  readonly members?: boolean;
}

export interface ParameterDoc {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly description: string;
  readonly schema: Record<string, unknown>;
  readonly required?: boolean;
}

export interface PageDefinition<VM> {
  /** the view model's name: the OpenAPI component, e.g. `PartnershipView` */
  readonly name: string;
  /** the HTML route; the JSON twin is the same with `.json` */
  readonly path: string;
  /** one line for the OpenAPI document */
  readonly summary: string;
  readonly schema: z.ZodType<VM>;
  readonly parameters?: readonly ParameterDoc[];
  /**
   * The page's work is long (tens of statements, a large view to draw): it gives way to record
   * pages before it loads and before it draws, as results pages do after their search (lanes.ts).
   */
  readonly long?: boolean;
  /** a page of the whole site, not of one directory (the list of directories, editions): served at the root only */
  readonly sitewide?: boolean;
  /** the page shows what expires by the day (partner-search notices): its entity tag carries the day, so a page drawn yesterday is not sent today */
  readonly dated?: boolean;
  load(input: PageInput): Promise<VM>;
  render(view: VM, context: RenderContext): RenderedPage;
}

// The registry holds pages of different view models; each was type-checked where it was defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPage = PageDefinition<any>;

export function definePage<VM>(page: PageDefinition<VM>): PageDefinition<VM> {
  return page;
}

export const PAGE_PARAMETER: ParameterDoc = {
  name: 'page',
  in: 'query',
  description: '1-based page number; a page past the end shows the last one',
  schema: { type: 'string' },
};

/**
 * What a page's load throws when the record it names is known under another name now (a domain
 * merged into another of the same label, issue 17): the app answers 301 to the same URL with
 * the segment `from` replaced by `to`, JSON twin and language kept.
 */
export class PageMoved extends Error {
  override readonly name = 'PageMoved';

  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`moved: ${from} → ${to}`);
  }
}

/** The URL `url` (path and query) with its path segment `from` replaced by `to`. */
export function movedUrl(url: string, moved: PageMoved): string {
  const [path = '', query] = url.split(/\?(.*)/s, 2);
  const segments = path.split('/');
  const from = encodeURIComponent(moved.from);
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    const bare = segment.endsWith('.json') ? segment.slice(0, -5) : segment;
    if (bare === from || bare === moved.from) {
      segments[i] = encodeURIComponent(moved.to) + segment.slice(bare.length);
      break;
    }
  }
  return segments.join('/') + (query === undefined ? '' : `?${query}`);
}
