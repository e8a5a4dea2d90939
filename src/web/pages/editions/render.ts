/** The editions pages' HTML: the series and their editions; what changed from one edition to the next. */
import { html, type SafeHtml } from '../../html.js';
import { countryLabel } from '../../i18n/codes.js';
import { editionLabel, fieldLabel, formatNumber, label } from '../../i18n/index.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths } from '../../paths.js';
import { dataTable, section } from '../../render/parts.js';
import type { ComparisonView, EditionsView } from './data.js';

type Edition = ComparisonView['from'];
type Changes = ComparisonView['partnerships'];

const editionName = (edition: Edition, c: RenderContext) => (edition.edition === undefined ? edition.title : `${edition.title} (${editionLabel(c.locale, edition.edition)})`);

export function renderEditions(v: EditionsView, c: RenderContext): RenderedPage {
  const { t } = c;
  const n = (value: number) => formatNumber(c.locale, value);
  const body = html`<h1>${t('editions.title')}</h1>
<p>${t('editions.intro')}</p>
<form class="search-form" role="search" aria-label="${t('searchAll.form')}" method="get" action="${paths.searchAll()}">
<label for="search-all-q">${t('searchAll.form')}</label>
<input id="search-all-q" name="q" type="search" maxlength="500">
<button type="submit">${t('search.submit')}</button>
</form>
${v.series.map(({ key, countries, editions }) =>
  section(
    countries.map((code) => countryLabel(c.locale, code)).join(' – '),
    html`${dataTable(
      'editions',
      // the edition's id is in its link and JSON twin: a reader is shown its name
      [{ label: t('editions.edition') }, { label: t('editions.partnerships'), num: true }, { label: t('editions.projects'), num: true }, { label: t('editions.collectivities'), num: true }],
      editions.map((e) => [html`<a href="${paths.directory(e.id)}">${editionName(e, c)}</a>`, n(e.partnerships), n(e.projects), n(e.collectivities)]),
    )}${
      editions.length < 2
        ? html`<p class="muted">${t('editions.single')}</p>`
        : html`<ul>${editions.slice(1).map((e, i) => {
            const before = editions[i]!;
            const [from, to] = before.edition !== undefined && e.edition !== undefined && before.edition !== e.edition ? [editionLabel(c.locale, before.edition), editionLabel(c.locale, e.edition)] : [before.id, e.id];
            return html`<li><a href="${paths.comparison(before.id, e.id)}">${t('editions.compare', { from, to })}</a></li>`;
          })}</ul>`
    }`,
    `serie-${key}`,
  ),
)}`;
  return { title: t('editions.title'), breadcrumbs: [{ href: paths.directories(), label: t('editions.title') }], body };
}

/** Fields whose values are codes, and the catalogue's family of their labels. */
const CODED_FIELDS: Readonly<Record<string, string>> = { status: 'status', tier: 'tier', frameworkKind: 'framework', kind: 'kind' };

/** A field's value, short: a code as its label, a list as its items, a record as its values. */
function shownField(field: string, value: unknown, c: RenderContext): string {
  const family = CODED_FIELDS[field];
  return family !== undefined && typeof value === 'string' ? label(c.locale, family, value) : shown(value, c);
}

function shown(value: unknown, c: RenderContext): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value.length > 300 ? `${value.slice(0, 299)}…` : value;
  if (typeof value === 'number') return formatNumber(c.locale, value);
  if (typeof value === 'boolean') return c.t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return shown(value.map((item) => shown(item, c)).join(c.t('common.clauseSeparator')), c);
  return shown(Object.values(value as Record<string, unknown>).map((item) => shown(item, c)).join(c.t('common.listSeparator')), c);
}

function changesSection(title: string, changes: Changes, c: RenderContext, id: string): SafeHtml {
  const { t } = c;
  const item = (record: { id: string; title: string }) => html`<li>${record.title} <code class="muted">${record.id}</code></li>`;
  const list = (heading: string, records: readonly { id: string; title: string }[], key: string) =>
    records.length === 0 ? '' : html`<h3 id="${id}-${key}">${heading} (${formatNumber(c.locale, records.length)})</h3><ul>${records.map(item)}</ul>`;
  return section(
    title,
    html`<dl class="facts counts">${(
      [
        ['editions.new', changes.new.length],
        ['editions.ended', changes.ended.length],
        ['editions.changed', changes.changed.length],
        ['editions.unchanged', changes.unchanged],
      ] as const
    ).map(([key, n]) => html`<div><dt>${t(key)}</dt><dd>${formatNumber(c.locale, n)}</dd></div>`)}</dl>
${list(t('editions.new'), changes.new, 'nouveaux')}${list(t('editions.ended'), changes.ended, 'termines')}${
      changes.changed.length === 0
        ? ''
        : html`<h3 id="${id}-modifies">${t('editions.changed')} (${formatNumber(c.locale, changes.changed.length)})</h3>${changes.changed.map(
            (record) => html`<h4>${record.title} <code class="muted">${record.id}</code></h4>${
              record.previousId === undefined ? '' : html`<p class="muted">${t('editions.previousId', { id: record.previousId })}</p>`
            }${dataTable(
              'changes',
              [{ label: t('editions.field') }, { label: t('editions.before') }, { label: t('editions.after') }],
              record.fields.map((field) => [fieldLabel(c.locale, field.field), shownField(field.field, field.before, c), shownField(field.field, field.after, c)]),
            )}`,
          )}`
    }`,
    id,
  );
}

export function renderComparison(v: ComparisonView, c: RenderContext): RenderedPage {
  const { t } = c;
  const byEdition = v.from.edition !== undefined && v.to.edition !== undefined && v.from.edition !== v.to.edition;
  const title = t('editions.comparison', byEdition ? { from: editionLabel(c.locale, v.from.edition!), to: editionLabel(c.locale, v.to.edition!) } : { from: v.from.id, to: v.to.id });
  const body = html`<h1>${title}</h1>
<p>${t('editions.comparison.intro', { from: editionName(v.from, c), to: editionName(v.to, c) })}</p>
${changesSection(t('editions.partnerships'), v.partnerships, c, 'partenariats')}
${changesSection(t('editions.projects'), v.projects, c, 'projets')}`;
  return {
    title,
    breadcrumbs: [
      { href: paths.directories(), label: t('editions.title') },
      { href: paths.comparison(v.from.id, v.to.id), label: title },
    ],
    body,
  };
}
