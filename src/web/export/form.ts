/**
 * The export form of the search page: a GET form to /export that works without JavaScript. It
 * carries the search (text and filters) as hidden inputs, a format select, the content (every
 * table, or the one-sheet table of projects alone) and the words (labels or codes) for CSV and
 * XLSX, the columns as checkboxes in a <details>, all ticked, named as the files name them, and
 * two buttons: this search's results, or the whole directory (`scope=all`).
 */
import { TABLES } from '../../publish/tables.js';
import { html, join, type SafeHtml } from '../html.js';
import type { MessageKey } from '../i18n/index.js';
import type { RenderContext } from '../page.js';
import { paths } from '../paths.js';
import { exportLabels } from './labels.js';
import { EXPORT_CONTENTS, EXPORT_FORMATS, EXPORT_LABELS } from './params.js';

export interface ExportFormSearch {
  readonly q: string;
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

/** The columns' checkboxes: the same on every results page of a directory, so drawn once per locale and countries. */
const drawn = new Map<string, SafeHtml>();
function columnsFieldsets(c: RenderContext, countries: readonly string[]): SafeHtml {
  const key = `${c.locale} ${countries.join(',')}`;
  let fieldsets = drawn.get(key);
  if (fieldsets === undefined) {
    // the domains' labels do not name columns: no directory needed for them
    const labels = exportLabels(c.locale, { countries, domainLabel: () => undefined });
    fieldsets = join(
      TABLES.map(
        (table) => html`<fieldset class="export-table"><legend>${labels.table(table.name)}</legend>${table.columns.map((column) => {
          const id = `export-col-${table.name}-${column.name}`;
          return html`<span class="export-column"><input type="checkbox" id="${id}" name="columns" value="${`${table.name}:${column.name}`}" checked> <label for="${id}">${labels.column(table.name, column.name)}</label></span> `;
        })}</fieldset>`,
      ),
    );
    if (drawn.size > 64) drawn.clear();
    drawn.set(key, fieldsets);
  }
  return fieldsets;
}

/** `countries`: the directory's, home first (they name the parties' columns). */
export function exportForm(search: ExportFormSearch, total: number, c: RenderContext, countries: readonly string[] = []): SafeHtml {
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
<p><label for="export-content">${t('export.content')}</label>
<select id="export-content" name="content">${EXPORT_CONTENTS.map((content) => html`<option value="${content}">${t(`export.content.${content}` as MessageKey)}</option>`)}</select></p>
<p><label for="export-labels">${t('export.labels')}</label>
<select id="export-labels" name="labels">${EXPORT_LABELS.map((labels) => html`<option value="${labels}">${t(labels === 'codes' ? 'export.labels.codes' : 'export.labels.words')}</option>`)}</select></p>
<details class="export-columns"><summary>${t('export.columns')}</summary>
<p>${t('export.columns.hint')}</p>
${columnsFieldsets(c, countries)}
</details>
<p class="export-privacy">${t('export.privacy')}</p>
<p>${total > 0 ? html`<button type="submit" name="scope" value="search">${t('export.results')}</button> ` : ''}<button type="submit" name="scope" value="all">${t('export.all')}</button></p>
</form>
</section>`;
}
