/** The import report page's HTML. */
import { html, type SafeHtml } from '../../html.js';
import { formatDateTime, formatNumber } from '../../i18n/index.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths } from '../../paths.js';
import type { ReportView } from './data.js';

type Issue = NonNullable<ReportView['report']>['unplaced'][number];

function issues(list: readonly Issue[], c: RenderContext): SafeHtml {
  if (list.length === 0) return html`<p>${c.t('report.empty')}</p>`;
  return html`<table class="issues"><thead><tr><th scope="col">${c.t('report.issue.where')}</th><th scope="col">${c.t('report.issue.kind')}</th><th scope="col">${c.t(
    'report.issue.message',
  )}</th></tr></thead><tbody>${list.map(
    (issue) => html`<tr><td class="nowrap">${
      issue.lines
        ? c.t('report.issue.lines', { first: String(issue.lines[0]), last: String(issue.lines[1]) })
        : issue.line === undefined
          ? ''
          : c.t('report.issue.line', { line: String(issue.line) })
    }</td><td><code>${issue.kind}</code></td><td>${issue.message}${issue.text ? html`<br><q class="muted">${issue.text}</q>` : ''}</td></tr>`,
  )}</tbody></table>`;
}

export function renderReport(v: ReportView, c: RenderContext): RenderedPage {
  const { t } = c;
  const r = v.report;
  const body =
    r === undefined
      ? html`<h1>${t('report.title')}</h1><p>${t('report.none')}</p>`
      : html`<h1>${t('report.title')}</h1>
<p>${t('report.intro', { document: r.document, format: r.format, date: formatDateTime(c.locale, r.importedAt) })}</p>
<section><h2>${t('report.counts')}</h2><dl class="facts counts">${r.counts.map((entry) => html`<div><dt>${entry.name}</dt><dd>${formatNumber(c.locale, entry.value)}</dd></div>`)}</dl></section>
<section><h2>${t('report.changes')}</h2><ul class="chips">${(['created', 'updated', 'unchanged', 'removed'] as const).map(
          (k) => html`<li>${t(`report.change.${k}`)} : ${r.changes[k]}</li>`,
        )}</ul></section>
<section><h2>${t('report.unplaced')} (${r.unplaced.length})</h2>${issues(r.unplaced, c)}</section>
<section><h2>${t('report.inconsistencies')} (${r.inconsistencies.length})</h2>${issues(r.inconsistencies, c)}</section>
<section><h2>${t('report.warnings')} (${r.warnings.length})</h2>${issues(r.warnings, c)}</section>`;
  return { title: t('report.title'), breadcrumbs: [{ href: paths.report(), label: t('report.title') }], body };
}
