/**
 * The export form of the search page: a GET form to /export that works without JavaScript. It
 * carries the search (text and filters) as hidden inputs, a format select, the columns (CSV,
 * XLSX) as checkboxes in a <details>, all ticked, and two buttons: this search's results, or the
 * whole directory (`scope=all`).
 */
import { TABLES } from '../../publish/tables.js';
import { html, join, type SafeHtml } from '../html.js';
import type { MessageKey } from '../i18n/index.js';
import type { RenderContext } from '../page.js';
import { paths } from '../paths.js';
import { EXPORT_FORMATS } from './params.js';

export interface ExportFormSearch {
  readonly q: string;
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

/** The columns' checkboxes: the same on every results page, so drawn once. */
let columns: SafeHtml | undefined;
function columnsFieldsets(): SafeHtml {
  columns ??= join(
    TABLES.map(
      (table) => html`<fieldset class="export-table"><legend>${table.name}</legend>${table.columns.map((column) => {
        const id = `export-col-${table.name}-${column.name}`;
        return html`<span class="export-column"><input type="checkbox" id="${id}" name="columns" value="${`${table.name}:${column.name}`}" checked> <label for="${id}">${column.name}</label></span> `;
      })}</fieldset>`,
    ),
  );
  return columns;
}

export function exportForm(search: ExportFormSearch, total: number, c: RenderContext): SafeHtml {
  const { t } = c;
  const hidden = [
    search.q.trim() === '' ? '' : html`<input type="hidden" name="q" value="${search.q}">`,
    ...Object.entries(search.filters).flatMap(([facet, values]) => values.map((value) => html`<input type="hidden" name="${facet}" value="${value}">`)),
  ];
  return html`<section class="export" aria-labelledby="export-title">
<h2 id="export-title">${t('export.heading')}</h2>
<form class="export-form" method="get" action="${paths.export()}">
${hidden}
<p><label for="export-format">${t('export.format')}</label>
<select id="export-format" name="format">${EXPORT_FORMATS.map((format) => html`<option value="${format}">${t(`export.format.${format}` as MessageKey)}</option>`)}</select></p>
<details class="export-columns"><summary>${t('export.columns')}</summary>
<p>${t('export.columns.hint')}</p>
${columnsFieldsets()}
</details>
<p class="export-privacy">${t('export.privacy')}</p>
<p>${total > 0 ? html`<button type="submit" name="scope" value="search">${t('export.results')}</button> ` : ''}<button type="submit" name="scope" value="all">${t('export.all')}</button></p>
</form>
</section>`;
}
