/** The import report page's HTML. */
import { html, type SafeHtml } from '../../html.js';
import { countryLabel } from '../../i18n/codes.js';
import type { IssueWording } from '../../../model/report.js';
import { formatDateTime, formatList, formatNumber, label, phrase, type Locale } from '../../i18n/index.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths } from '../../paths.js';
import { section, labelled } from '../../render/parts.js';
import type { ReportView } from './data.js';

type Issue = NonNullable<ReportView['report']>['unplaced'][number];

function issues(list: readonly Issue[], c: RenderContext): SafeHtml {
  if (list.length === 0) return html`<p>${c.t('report.empty')}</p>`;
  // Explicit roles: on narrow screens the rows are stacked (display: block), which must not cost
  // the table its semantics.
  return html`<table class="issues" role="table"><thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">${c.t('report.issue.where')}</th><th scope="col" role="columnheader">${c.t(
    'report.issue.kind',
  )}</th><th scope="col" role="columnheader">${c.t('report.issue.message')}</th></tr></thead><tbody role="rowgroup">${list.map(
    (issue) => html`<tr role="row"><td class="where" role="cell">${where(issue, c)}</td><td class="kind" role="cell" data-kind="${issue.kind}">${label(c.locale, 'report.kind', issue.kind)}</td><td class="message" role="cell">${message(issue, c)}${
      issue.text ? html`<br><q class="muted">${issue.text}</q>` : ''
    }</td></tr>`,
  )}</tbody></table>`;
}

/**
 * Where a reader finds the issue: in a book, its part, section and page (the transcription's line
 * stays in the JSON twin, for whoever checks the reading); in a table, its row and column.
 */
export function where(issue: Issue, c: RenderContext): string {
  const parts: string[] = [];
  const place = issue.place;
  if (place !== undefined) {
    if (place.part !== 'entries') parts.push(c.t(`report.issue.part.${place.part}`));
    if (place.page !== undefined) parts.push(c.t('report.issue.page', { page: String(place.page) }));
    if (place.section !== undefined) parts.push(c.t('report.issue.section', { section: place.section }));
  }
  if (issue.row !== undefined) parts.push(c.t('report.issue.row', { row: String(issue.row) }));
  if (issue.column !== undefined) parts.push(c.t('report.issue.column', { column: issue.column }));
  return formatList(c.locale, parts);
}

/** The issue in the reader's language; a report stored before issues had wordings, or a wording the catalogue lacks, keeps its English message. */
export function message(issue: Issue, c: RenderContext): string {
  return (issue.wording && wordingText(c.locale, issue.wording)) ?? issue.message;
}

/** An import's wording (`report.note.<key>`) in `locale`, its numbers written the language's way (a list of them: "12 345 / 13 002"), or undefined when the catalogue lacks it. */
export function wordingText(locale: Locale, wording: IssueWording): string | undefined {
  const params = Object.fromEntries(
    Object.entries(wording.params ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.map((n) => formatNumber(locale, n)).join(' / ') : value]),
  );
  return phrase(locale, 'report.note', wording.key, params);
}

/** A count's name in words: `partnerships.full` → « Partenariats décrits »; a name the catalogue lacks is shown as it is. */
export function countLabel(name: string, c: RenderContext): string {
  if (name.startsWith('section.')) {
    const section = name.slice('section.'.length);
    return section === '' || section === 'undefined' ? c.t('report.count.section.none') : c.t('report.count.section', { section });
  }
  const country = /^collectivities\.([A-Z]{2})$/.exec(name)?.[1];
  if (country !== undefined) return phrase(c.locale, 'report.count', name) ?? c.t('report.count.collectivities.country', { country: countryLabel(c.locale, country) });
  return label(c.locale, 'report.count', name);
}

export function renderReport(v: ReportView, c: RenderContext): RenderedPage {
  const { t } = c;
  const r = v.report;
  const body =
    r === undefined
      ? html`<h1>${t('report.title')}</h1><p>${t('report.none')}</p>`
      : html`<h1>${t('report.title')}</h1>
<p>${t('report.intro', { document: r.document, format: label(c.locale, 'report.format', r.format), date: formatDateTime(c.locale, r.importedAt) })}</p>
${section(
          t('report.counts'),
          html`<dl class="facts counts">${r.counts.map((entry) => html`<div><dt>${countLabel(entry.name, c)}</dt><dd>${formatNumber(c.locale, entry.value)}</dd></div>`)}</dl>`,
          'comptes',
        )}
${section(
  t('report.changes'),
  html`<ul class="chips">${(['created', 'updated', 'unchanged', 'removed'] as const).map((k) => html`<li>${labelled(c, t(`report.change.${k}`), r.changes[k])}</li>`)}</ul>`,
  'changements',
)}
${section(`${t('report.unplaced')} (${r.unplaced.length})`, issues(r.unplaced, c), 'non-places')}
${section(`${t('report.inconsistencies')} (${r.inconsistencies.length})`, issues(r.inconsistencies, c), 'incoherences')}
${section(`${t('report.warnings')} (${r.warnings.length})`, issues(r.warnings, c), 'avertissements')}`;
  return { title: t('report.title'), breadcrumbs: [{ href: paths.report(), label: t('report.title') }], body };
}
