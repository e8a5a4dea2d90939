/**
 * Importing a table on the site (`/admin/tableaux`), for editors: paste a CSV or TSV table, choose
 * a shipped mapping or write one, see the first rows as the mapping reads them and the dry run
 * (rows created, updated, unchanged, rejected, each rejection with its row, column and reason),
 * then import. The same code as `repertoire import TABLE --mapping` (readTable, importTable):
 * only the way in differs. Pasted text, not a file upload: the site takes forms only
 * (application/x-www-form-urlencoded), within the server's body limit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireEditor } from '../../accounts/roles.js';
import type { TableImportResult } from '../../census/import-table.js';
import { isRepertoireError } from '../../errors.js';
import { CsvRecords, detectSeparator } from '../../import/table/csv.js';
import { readMapping, type TableMapping } from '../../import/table/mapping.js';
import type { ImportIssue } from '../../model/report.js';
import { csrfField, field, guarded, type Members } from '../auth/members.js';
import { memberPaths } from '../auth/paths.js';
import { html } from '../html.js';

const TABLES_PATH = memberPaths.tables();
const MAPPINGS = new URL('../../../data/mappings/', import.meta.url);
const PREVIEW_ROWS = 6;
const LISTED_ISSUES = 200;

interface TableState {
  values: { mapping: string; mappingText: string; table: string; directory: string };
  error?: string;
  preview?: string[][];
  result?: TableImportResult;
}

export function registerTableImportRoutes(app: FastifyInstance, members: Members, mappingsFolder: URL = MAPPINGS): void {
  const shipped = (): string[] => {
    try {
      return readdirSync(mappingsFolder).filter((n) => n.endsWith('.json')).sort();
    } catch {
      return [];
    }
  };

  const page = async (request: FastifyRequest, reply: FastifyReply, state: TableState, status = 200) => {
    requireEditor(members.actor(request));
    const c = await members.context(request);
    const { t } = c;
    const { values, result } = state;
    const issues = (title: string, list: readonly ImportIssue[]) =>
      list.length === 0
        ? ''
        : html`<h3>${title} (${list.length})</h3><div class="table-scroll"><table class="table-issues"><thead><tr><th scope="col">${t('admin.tables.row')}</th><th scope="col">${t('admin.tables.column')}</th><th scope="col">${t('admin.tables.reason')}</th></tr></thead>
<tbody>${list.slice(0, LISTED_ISSUES).map((i) => html`<tr><td>${i.row ?? ''}</td><td>${i.column ?? ''}</td><td>${i.message.replace(/^row \d+(, column "[^"]*")?: /, '')}</td></tr>`)}</tbody></table></div>`;
    const body = html`<section class="member-page">
<h1>${t('admin.tables.title')}</h1>
<p>${t('admin.tables.intro')}</p>
${state.error ? html`<div class="error-summary" role="alert"><p>${state.error}</p></div>` : ''}
${state.preview
  ? html`<h2>${t('admin.tables.preview')}</h2><div class="table-scroll"><table class="table-preview"><tbody>${state.preview.map((cells, i) =>
      i === 0 ? html`<tr>${cells.map((cell) => html`<th scope="col">${cell}</th>`)}</tr>` : html`<tr>${cells.map((cell) => html`<td>${cell}</td>`)}</tr>`,
    )}</tbody></table></div>`
  : ''}
${result
  ? html`<h2>${t(result.dryRun ? 'admin.tables.dryRun' : 'admin.tables.imported', { directory: result.directoryId })}</h2>
<p role="status">${t('admin.tables.rows', { created: result.rows.created, updated: result.rows.updated, unchanged: result.rows.unchanged, rejected: result.rows.rejected })}</p>
${issues(t('admin.tables.rejected'), result.report.unplaced)}
${issues(t('admin.tables.flagged'), result.report.warnings)}`
  : ''}
<form method="post" action="${TABLES_PATH}" class="member-form">
${csrfField(request.member!.csrfToken)}
<div class="field"><label for="table-mapping">${t('admin.tables.mapping')}</label>
<select id="table-mapping" name="mapping"><option value="">${t('admin.tables.ownMapping')}</option>${shipped().map((n) => html`<option value="${n}"${n === values.mapping ? ' selected' : ''}>${n}</option>`)}</select></div>
<div class="field"><label for="table-mapping-text">${t('admin.tables.mappingText')}</label>
<textarea id="table-mapping-text" name="mappingText" rows="8" spellcheck="false">${values.mappingText}</textarea></div>
<div class="field"><label for="table-text">${t('admin.tables.table')}</label>
<textarea id="table-text" name="table" rows="12" spellcheck="false" required>${values.table}</textarea></div>
<div class="field"><label for="table-directory">${t('admin.tables.directory')}</label>
<input id="table-directory" name="directory" value="${values.directory}"></div>
<p><button type="submit" name="action" value="essai">${t('admin.tables.try')}</button> <button type="submit" name="action" value="importer">${t('admin.tables.import')}</button></p>
</form>
</section>`;
    return members.send(request, reply, { title: t('admin.tables.title'), breadcrumbs: [{ href: TABLES_PATH, label: t('admin.tables.title') }], body }, status);
  };

  app.get(
    TABLES_PATH,
    guarded(members, async (request, reply) => page(request, reply, { values: { mapping: shipped()[0] ?? '', mappingText: '', table: '', directory: '' } })),
  );

  app.post(
    TABLES_PATH,
    guarded(members, async (request, reply) => {
      const actor = requireEditor(members.actor(request));
      const values = { mapping: field(request, 'mapping') ?? '', mappingText: field(request, 'mappingText') ?? '', table: field(request, 'table') ?? '', directory: (field(request, 'directory') ?? '').trim() };
      const dryRun = field(request, 'action') !== 'importer';
      let preview: string[][] | undefined;
      // Loaded when first used, not with the site: exceljs, the country names and outlines take a second to load.
      const [{ readTable }, { csvRows }, { importTable }, { defaultGazetteer }] = await Promise.all([
        import('../../import/table/index.js'),
        import('../../import/table/source.js'),
        import('../../census/import-table.js'),
        import('../../geo/gazetteer.js'),
      ]);
      try {
        const mapping = chosenMapping(values, mappingsFolder, shipped());
        preview = previewRows(values.table, mapping);
        const name = 'tableau-colle.csv';
        const read = await readTable({ name, kind: 'csv', rows: csvRows(oneChunk(values.table), name, mapping.table.separator, 'utf-8') }, mapping);
        const result = await importTable(members.db, read, {
          dryRun,
          userId: actor.id,
          gazetteer: { places: (country, place) => defaultGazetteer().places(country, place) },
          ...(values.directory ? { directoryId: values.directory } : {}),
        }).finally(() => read.close());
        return page(request, reply, { values, preview, result });
      } catch (error) {
        if (!isRepertoireError(error) || !['parse', 'schema', 'usage', 'file', 'reference'].includes(error.code)) throw error;
        return page(request, reply, { values, error: error.message, ...(preview ? { preview } : {}) }, 422);
      }
    }),
  );
}

/** The mapping written in the form, else the shipped one chosen (only a name of the list). */
function chosenMapping(values: TableState['values'], folder: URL, shipped: readonly string[]): TableMapping {
  if (values.mappingText.trim()) return readMapping(values.mappingText, 'mapping');
  if (!shipped.includes(values.mapping)) return readMapping('', 'mapping');
  return readMapping(readFileSync(new URL(values.mapping, folder), 'utf8'), values.mapping);
}

/** The header and the first rows, as the mapping's dialect cuts them. */
function previewRows(text: string, mapping: TableMapping): string[][] {
  const separator = mapping.table.separator === 'auto' ? detectSeparator(text.slice(0, 1 << 16)) : mapping.table.separator;
  const records = new CsvRecords({ separator, name: 'tableau' });
  const rows = records.push(text.slice(0, 1 << 16));
  return rows.slice(0, PREVIEW_ROWS).map((r) => r.cells.map((cell) => String(cell ?? '')));
}

async function* oneChunk(text: string): AsyncIterable<Uint8Array> {
  yield Buffer.from(text, 'utf8');
}
