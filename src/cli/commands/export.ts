import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { RepertoireError } from '../../errors.js';
import { fileProblem, writeFileAtomically } from '../../files.js';
import { PUBLISHERS } from '../../publish/formats.js';
import { parseColumnChoice, parseIdList, type ExportOptions, type Selection } from '../../publish/options.js';
import type { ExportLabels } from '../../publish/labels.js';
import { soleDirectoryId } from '../../store/load-document.js';
import { readDirectory } from '../../store/records/directory.js';
import { readDomains } from '../../store/records/domain.js';
import type { Database } from '../../store/tables.js';
import { exportLabels } from '../../web/export/labels.js';
import { isLocale, LOCALES, type Locale } from '../../web/i18n/index.js';
import type { Command, Output } from '../context.js';
import { createProgress } from '../progress.js';
import { withStore } from '../with-store.js';

const FORMATS = Object.keys(PUBLISHERS);
/** Where a CSV or XLSX export starts collecting its garbage (src/publish/memory.ts). */
const RSS_CEILING_MB = 200;

export const exportCommand: Command = {
  name: 'export',
  help: `Usage: repertoire export --format FORMAT [--out FILE] [--directory ID]
                         [--columns TABLE:COL,COL;TABLE:COL] [--partnerships IDS] [--projects IDS]
                         [--collectivities IDS] [--labels codes|fr|en|ar] [--lang fr|en|ar]

Publishes the stored directory.

Formats:
  json    the interchange format (canonical: export, import, export gives the same bytes)
  csv     a zip of CSV files, one per table (UTF-8 with BOM, ";" separated, decimal comma:
          what Excel and LibreOffice open right in French)
  xlsx    a workbook, one sheet per table (frozen header, autofilter, amounts in their currency)
  iati    IATI 2.03 activities XML, one activity per project
  html    the directory as a book, in the printed layout (one HTML page)
  pdf     the same book, A4, printed by headless Chromium (/usr/bin/chromium)

Tables (csv, xlsx): project_summary (one row per project: both parties, status, domains, dates,
cost in its currency and in euros, funders), collectivities, partnerships, partnership_parties,
projects, funding, project_partners, budgets, contacts, domains.

Options:
  --format FORMAT        the output format (default json)
  --out FILE             write to FILE (default: standard output; binary formats not to a terminal)
  --directory ID         which directory, when the store holds several
  --columns CHOICE       csv, xlsx: the columns to write, e.g. "projects:id,title,total_cost,currency;funding:project_id,funder,amount,currency"
  --partnerships IDS     csv, xlsx, json, iati: only these partnerships (and their projects);
                         comma-separated, or @FILE with one id a line
  --projects IDS         csv, xlsx, json, iati: only these projects (and their partnerships); as above
  --collectivities IDS   csv, xlsx, json: these collectivities too (alone: no partnership); as above
  --labels codes|fr|en|ar
                         csv, xlsx: codes (the default: table and column names, stored values,
                         what scripts and re-imports read) or words in that language (sheet names,
                         headers, statuses, kinds, countries: what the site's exports give people)
  --lang fr|en|ar        html, pdf: the book's headings, labels and running headers in that language
                         (Arabic: right to left, in Amiri); the records' own text stays as stored.
                         csv, xlsx: the same as --labels in that language
  -h, --help             show this help

Progress goes to standard error: a bar on a terminal, a line per tenth in logs.
`,
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    directory: { type: 'string' },
    columns: { type: 'string' },
    partnerships: { type: 'string' },
    projects: { type: 'string' },
    collectivities: { type: 'string' },
    labels: { type: 'string' },
    lang: { type: 'string' },
  },
  positionals: 0,
  async run(values, _positionals, context) {
    const format = (values.format as string | undefined) ?? 'json';
    const publisher = PUBLISHERS[format];
    if (publisher === undefined) {
      throw new RepertoireError('usage', `unknown export format "${format}" (expected one of: ${FORMATS.join(', ')})`);
    }
    const out = values.out as string | undefined;
    if (out === undefined && publisher.binary && context.stdout.isTTY) {
      throw new RepertoireError('usage', `--format ${format} writes a binary file: give --out FILE (or redirect the output)`);
    }
    if (values.columns !== undefined && !publisher.columns) throw new RepertoireError('usage', `--columns applies to csv and xlsx, not to ${format}`);
    const selection = await readSelection(values.partnerships as string | undefined, values.projects as string | undefined, values.collectivities as string | undefined);
    if (selection && !publisher.selection) throw new RepertoireError('usage', `--partnerships and --projects do not apply to ${format}`);

    const lang = values.lang as string | undefined;
    if (lang !== undefined && !isLocale(lang)) throw new RepertoireError('usage', `--lang: "${lang}" is not one of ${LOCALES.join(', ')}`);
    const book = format === 'html' || format === 'pdf';
    if (lang !== undefined && !book && !publisher.columns) throw new RepertoireError('usage', `--lang applies to html, pdf, csv and xlsx, not to ${format}`);
    const labels = (values.labels as string | undefined) ?? (lang !== undefined && publisher.columns ? lang : 'codes');
    if (labels !== 'codes' && !isLocale(labels)) throw new RepertoireError('usage', `--labels: "${labels}" is none of codes, ${LOCALES.join(', ')}`);
    if (values.labels !== undefined && !publisher.columns) throw new RepertoireError('usage', `--labels applies to csv and xlsx, not to ${format}`);

    const progress = createProgress(context.stderr, `export ${format}`);
    const options: ExportOptions = {
      ...(values.directory !== undefined ? { directoryId: values.directory as string } : {}),
      ...(values.columns !== undefined ? { columns: parseColumnChoice(values.columns as string) } : {}),
      ...(selection ? { selection } : {}),
      onProgress: (done, total) => progress.update(done, total),
      // The command exports and exits: keep it well under 300 MB whatever the store's size.
      rssCeilingMB: RSS_CEILING_MB,
      ...(book && lang !== undefined && isLocale(lang) ? { bookLanguage: lang } : {}),
    };
    try {
      await withStore(context, async ({ db }) => {
        const labelled = isLocale(labels) ? { ...options, labels: await wordsFor(labels, db, options.directoryId) } : options;
        return out === undefined
          ? publisher.write(db, toWritable(context.stdout, publisher.binary), labelled)
          : writeFileAtomically(out, (file) => publisher.write(db, file, labelled), { onInterrupt: context.onInterrupt });
      });
    } finally {
      progress.finish();
    }
    if (out !== undefined) context.stderr.write(`Wrote ${out}\n`);
    return 0;
  },
};

/** The site's words for the exports in a language, for the directory exported (its countries, its domains' labels). */
async function wordsFor(locale: Locale, db: Kysely<Database>, directoryId: string | undefined): Promise<ExportLabels> {
  const id = directoryId ?? (await soleDirectoryId(db));
  const directory = await readDirectory(db, id);
  if (directory === undefined) throw new RepertoireError('not-found', `the store holds no directory "${id}"`);
  const domains = new Map((await readDomains(db, id)).map((d) => [d.code, d.label]));
  return exportLabels(locale, { countries: directory.countries, domainLabel: (code) => domains.get(code) });
}

async function readSelection(partnerships: string | undefined, projects: string | undefined, collectivities: string | undefined): Promise<Selection | undefined> {
  if (partnerships === undefined && projects === undefined && collectivities === undefined) return undefined;
  return {
    ...(partnerships !== undefined ? { partnerships: await readIds(partnerships) } : {}),
    ...(projects !== undefined ? { projects: await readIds(projects) } : {}),
    ...(collectivities !== undefined ? { collectivities: await readIds(collectivities) } : {}),
  };
}

async function readIds(value: string): Promise<string[]> {
  if (!value.startsWith('@')) return parseIdList(value);
  const path = value.slice(1);
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw fileProblem(error, path, 'read');
  });
  return parseIdList(text);
}

/** The command's stdout as a Writable that waits when a real stream asks it to (backpressure). */
function toWritable(stdout: Output, binary: boolean): Writable {
  const stream = stdout as Output & Partial<Pick<NodeJS.WritableStream, 'once'>>;
  const decoder = new StringDecoder('utf8');
  return new Writable({
    final(callback) {
      const rest = decoder.end();
      if (rest) stdout.write(rest);
      callback();
    },
    write(chunk: Buffer, _encoding, callback) {
      // A binary format goes out as bytes (the real stdout takes Buffers); text as decoded UTF-8.
      const ok = binary ? stdout.write(chunk as unknown as string) : stdout.write(decoder.write(chunk));
      if (ok === false && typeof stream.once === 'function') stream.once('drain', () => callback());
      else callback();
    },
  });
}

