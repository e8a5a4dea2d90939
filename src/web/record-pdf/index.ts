/**
 * A record's own PDF: `/partenariats/:id.pdf` and `/collectivites/:id.pdf` (and the same in each
 * directory, `/r/:directory/…`), a short book of the partnership, or of the collectivity's
 * partnerships, in the printed directory's layout (src/publish/book/record.ts), as the public sees
 * it (named people's coordinates cut out as on the pages). Printing starts Chromium: at most
 * `maxPrinting` prints run at once, and a request beyond gets the site's 503 "try again".
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { RepertoireError } from '../../errors.js';
import type { RepertoireDocument } from '../../model/schema.js';
import { composeRecordBook, printRecordBook, type RecordHeading } from '../../publish/book/record.js';
import type { Book } from '../../publish/book/compose.js';
import { selectedDocument } from '../../publish/json-stream.js';
import type { Selection } from '../../publish/options.js';
import { redactDocument } from '../../publish/redact.js';
import type { Database } from '../../store/tables.js';
import { overloaded } from '../admission.js';
import type { Directory } from '../data/directory.js';
import { formatPartialDate, t } from '../i18n/index.js';
import { currentLanguage } from '../language.js';
import { inDirectory, paths } from '../paths.js';

export interface RecordPdfDeps {
  readonly db: Kysely<Database>;
  /** the public snapshot of the request's directory */
  directory(request: FastifyRequest): Promise<Directory>;
  /** where the directories' pages are: the root for the default directory, `/r/:directory` for any */
  readonly prefixes?: readonly string[];
  /** prints at once, at most (default 2: each holds a Chromium page) */
  readonly maxPrinting?: number;
  /** the printer (default: Chromium, `printRecordBook`) */
  readonly print?: (book: Book) => Promise<Buffer>;
}

function headingLines(doc: RepertoireDocument, origin: string, href: string): string[] {
  const { title, edition } = doc.directory;
  const locale = currentLanguage();
  return [edition ? t(locale, 'recordPdf.from.edition', { title, edition: formatPartialDate(locale, edition) }) : t(locale, 'recordPdf.from', { title }), t(locale, 'recordPdf.online', { url: `${origin}${href}` })];
}

export function registerRecordPdfs(app: FastifyInstance, deps: RecordPdfDeps): void {
  const max = deps.maxPrinting ?? 2;
  const print = deps.print ?? ((book: Book) => printRecordBook(book));
  let printing = 0;

  const send = async (request: FastifyRequest, reply: FastifyReply, kind: 'partnership' | 'collectivity') => {
    const id = (request.params as { id?: string }).id ?? '';
    const dir = await deps.directory(request);
    let selection: Selection;
    let title: string;
    let href: string;
    if (kind === 'collectivity') {
      const collectivity = dir.collectivity.get(id);
      if (collectivity === undefined) throw new RepertoireError('not-found', `no collectivity ${id.slice(0, 100)}`, 404);
      const parties = await deps.db.selectFrom('partnership_parties').select('partnership_id').where('directory_id', '=', dir.id).where('collectivity_id', '=', id).execute();
      selection = { partnerships: [...new Set(parties.map((p) => p.partnership_id))], collectivities: [id] };
      title = collectivity.name;
      href = paths.collectivity(id);
    } else {
      selection = { partnerships: [id] };
      title = '';
      href = paths.partnership(id);
    }
    if (printing >= max) throw overloaded();
    printing += 1;
    try {
      // an unknown partnership is a 404 here (resolveScope), as on its page
      const doc = redactDocument(await selectedDocument(deps.db, { directoryId: dir.id, selection }), dir.redactor);
      if (kind === 'partnership') {
        const names = new Map(doc.collectivities.map((c) => [c.id, c.name]));
        title = t(currentLanguage(), 'recordPdf.partnership', { parties: (doc.partnerships[0]?.parties ?? []).map((p) => names.get(p.collectivityId) ?? p.collectivityId).join(' – ') });
      }
      const heading: RecordHeading = { title, lines: headingLines(doc, `${request.protocol}://${request.host}`, href) };
      // the book's words in the page's language (/ar/partenariats/x.pdf: Arabic, right to left)
      const pdf = await print(composeRecordBook(doc, heading, currentLanguage()));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${id.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf"`)
        .header('cache-control', 'no-cache')
        .send(pdf);
    } finally {
      printing -= 1;
    }
  };

  for (const prefix of deps.prefixes ?? ['']) {
    const directoryOf = (request: FastifyRequest) => (request.params as { directory?: string }).directory;
    app.get(`${prefix}/partenariats/:id.pdf`, async (request, reply) => inDirectory(directoryOf(request), () => send(request, reply, 'partnership')));
    app.get(`${prefix}/collectivites/:id.pdf`, async (request, reply) => inDirectory(directoryOf(request), () => send(request, reply, 'collectivity')));
  }
}
