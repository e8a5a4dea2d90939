/**
 * GET /export (params.ts): the directory, or exactly a search's results (selection.ts), as CSV
 * (zip), XLSX, JSON or IATI, streamed as an attachment. Always the public's view: named
 * people's coordinates are cut out unless they consented (the public snapshot's Redactor, as on
 * the pages and their JSON twins; src/publish/redact.ts). Refused parameters give a 400 page
 * naming the parameter; a search with more results than a search's export holds gives a 422
 * page that offers the whole directory's export.
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { RepertoireError } from '../../errors.js';
import type { ExportOptions } from '../../publish/options.js';
import { chooseColumns } from '../../publish/tables.js';
import { searchParamsOf } from '../../search/params.js';
import type { Searcher } from '../../search/types.js';
import type { Database } from '../../store/tables.js';
import type { Directory } from '../data/directory.js';
import { html } from '../html.js';
import { formatNumber, t as translate, type MessageKey } from '../i18n/index.js';
import { currentLanguage } from '../language.js';
import type { QueryParams, RenderedPage } from '../page.js';
import { inDirectory, paths } from '../paths.js';
import { domainWords } from '../i18n/domain-labels.js';
import { exportLabels } from './labels.js';
import { EXPORT_PATH, ExportParamError, parseExportParams, type ExportRequest } from './params.js';
import { EXPORT_LIMIT, selectionOf, TooManyResults } from './selection.js';

export { EXPORT_PATH } from './params.js';

export interface ExportDeps {
  readonly db: Kysely<Database>;
  readonly searcher?: Searcher;
  /** brings the search index of the request's directory up to date, before a search */
  readonly beforeSearch?: (request: FastifyRequest) => Promise<void>;
  /** the public snapshot of the request's directory: its id is the directory exported, its redactor applies */
  directory(request: FastifyRequest): Promise<Directory>;
  /** where the directories' pages are: the root for the default directory, `/r/:directory` for any (default: the root only) */
  readonly prefixes?: readonly string[];
  /** a page in the site's layout, for this request */
  page(request: FastifyRequest, page: RenderedPage): Promise<string>;
  /** the most results a search's export holds (default EXPORT_LIMIT, what the searcher lets one browse) */
  readonly limit?: number;
}

const t = (key: MessageKey, params?: Record<string, string | number>) => translate(currentLanguage(), key, params);

/** `repertoire-2008-recherche.zip`: the directory, whether it is a search's, the format's extension. */
export function exportFileName(directoryId: string, request: ExportRequest): string {
  return `${directoryId}${request.search ? '-recherche' : ''}${request.content === 'summary' && request.publisher.columns ? '-projets' : ''}.${request.publisher.extension}`;
}

export function registerExports(app: FastifyInstance, deps: ExportDeps): void {
  const sendPage = async (request: FastifyRequest, reply: FastifyReply, status: number, page: RenderedPage) =>
    reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(await deps.page(request, page));

  const route = async (request: FastifyRequest, reply: FastifyReply) => {
    const query = (request.query ?? {}) as QueryParams;
    let wanted: ExportRequest;
    try {
      wanted = parseExportParams(query);
      chooseColumns(wanted.columns);
    } catch (error) {
      if (!(error instanceof RepertoireError)) throw error;
      // chooseColumns' refusals are about `columns` (parseExportParams checks the same names first)
      const parameter = error instanceof ExportParamError ? error.parameter : 'columns';
      const reason = error instanceof ExportParamError ? error.reason : error.message;
      const title = t('export.error.title');
      return sendPage(request, reply, 400, {
        title,
        breadcrumbs: [{ href: paths.search(), label: t('searchPage.title') }, { href: request.url, label: title }],
        body: html`<section class="error"><h1>${title}</h1><p>${t('export.error.parameter', { name: parameter, reason })}</p><p><a href="${paths.search()}">${t('export.back')}</a></p></section>`,
      });
    }

    const dir = await deps.directory(request);
    let selection: ExportOptions['selection'];
    if (wanted.search !== undefined) {
      if (deps.searcher === undefined) throw new RepertoireError('not-supported', 'search is not available', 503);
      await deps.beforeSearch?.(request);
      try {
        selection = (await selectionOf(deps.searcher, wanted.search, dir.id, deps.limit ?? EXPORT_LIMIT)).selection;
      } catch (error) {
        if (!(error instanceof TooManyResults)) throw error;
        const title = t('export.tooMany.title');
        const searchHref = paths.search(searchParamsOf({ ...wanted.search, page: 1 }).toString());
        const allHref = `${paths.export()}?${new URLSearchParams({ format: wanted.format, scope: 'all' }).toString()}`;
        return sendPage(request, reply, 422, {
          title,
          breadcrumbs: [{ href: searchHref, label: t('searchPage.title') }, { href: request.url, label: title }],
          body: html`<section class="error"><h1>${title}</h1><p>${t('export.tooMany.text', { total: formatNumber(currentLanguage(), error.total), limit: formatNumber(currentLanguage(), error.limit) })}</p>
<p><a href="${allHref}">${t('export.all')}</a></p><p><a href="${searchHref}">${t('export.back')}</a></p></section>`,
        });
      }
    }

    const out = new PassThrough();
    const options: ExportOptions = {
      directoryId: dir.id,
      redactor: dir.redactor,
      ...(selection ? { selection } : {}),
      ...(wanted.columns ? { columns: wanted.columns } : {}),
      ...(wanted.labels === 'codes' ? {} : { labels: exportLabels(currentLanguage(), { countries: dir.record.countries, domainLabel: (code) => domainLabelOf(dir, code) }) }),
    };
    wanted.publisher.write(deps.db, out, options).catch((error: unknown) => {
      request.log.error({ err: error }, 'export failed');
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    const type = wanted.publisher.binary ? wanted.publisher.mediaType : `${wanted.publisher.mediaType}; charset=utf-8`;
    return reply
      .type(type)
      .header('content-disposition', `attachment; filename="${exportFileName(dir.id, wanted)}"`)
      .header('cache-control', 'no-store')
      .send(out);
  };
  // a directory's export links within that directory (paths.ts)
  for (const prefix of deps.prefixes ?? ['']) {
    app.get(`${prefix}${EXPORT_PATH}`, async (request, reply) => inDirectory((request.params as { directory?: string }).directory, () => route(request, reply)));
  }
}

/** A domain's label in the export's language: the directory's French words where no translation exists. */
function domainLabelOf(dir: Directory, code: string): string | undefined {
  const label = dir.domain.get(code)?.label;
  return label === undefined ? undefined : domainWords(currentLanguage(), label).label;
}
