/** The editions pages' HTML: the series and their editions; what changed from one edition to the next. */
import { html, type SafeHtml } from '../../html.js';
import { formatNumber } from '../../i18n/index.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths } from '../../paths.js';
import { dataTable, section } from '../../render/parts.js';
import type { ComparisonView, EditionsView } from './data.js';

type Edition = ComparisonView['from'];
type Changes = ComparisonView['partnerships'];

const editionName = (edition: Edition) => (edition.edition === undefined ? edition.title : `${edition.title} (${edition.edition})`);

export function renderEditions(v: EditionsView, c: RenderContext): RenderedPage {
  const { t } = c;
  const n = (value: number) => formatNumber(c.locale, value);
  const body = html`<h1>${t('editions.title')}</h1>
<p>${t('editions.intro')}</p>
${v.series.map(({ key, countries, editions }) =>
  section(
    countries.join(' – '),
    html`${dataTable(
      'editions',
      [{ label: t('editions.edition') }, { label: t('editions.id') }, { label: t('editions.partnerships'), num: true }, { label: t('editions.projects'), num: true }, { label: t('editions.collectivities'), num: true }],
      editions.map((e) => [html`<a href="${paths.directory(e.id)}">${editionName(e)}</a>`, html`<code>${e.id}</code>`, n(e.partnerships), n(e.projects), n(e.collectivities)]),
    )}${
      editions.length < 2
        ? html`<p class="muted">${t('editions.single')}</p>`
        : html`<ul>${editions.slice(1).map((e, i) => {
            const before = editions[i]!;
            return html`<li><a href="${paths.comparison(before.id, e.id)}">${t('editions.compare', { from: before.edition ?? before.id, to: e.edition ?? e.id })}</a></li>`;
          })}</ul>`
    }`,
    `serie-${key}`,
  ),
)}`;
  return { title: t('editions.title'), breadcrumbs: [{ href: paths.directories(), label: t('editions.title') }], body };
}

/** A field's value, short: a list as its items, a record as its values. */
function shown(value: unknown, c: RenderContext): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value.length > 300 ? `${value.slice(0, 299)}…` : value;
  if (typeof value === 'number') return formatNumber(c.locale, value);
  if (typeof value === 'boolean') return c.t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return shown(value.map((item) => shown(item, c)).join(' ; '), c);
  return shown(Object.values(value as Record<string, unknown>).map((item) => shown(item, c)).join(', '), c);
}

function changesSection(title: string, changes: Changes, c: RenderContext, id: string): SafeHtml {
  const { t } = c;
  const item = (record: { id: string; title: string }) => html`<li>${record.title} <code class="muted">${record.id}</code></li>`;
  const list = (heading: string, records: readonly { id: string; title: string }[], key: string) =>
    records.length === 0 ? '' : html`<h3 id="${id}-${key}">${heading} (${formatNumber(c.locale, records.length)})</h3><ul>${records.map(item)}</ul>`;
  return section(
    title,
    html`<ul class="chips"><li>${t('editions.new')} : ${formatNumber(c.locale, changes.new.length)}</li><li>${t('editions.ended')} : ${formatNumber(c.locale, changes.ended.length)}</li><li>${t(
      'editions.changed',
    )} : ${formatNumber(c.locale, changes.changed.length)}</li><li>${t('editions.unchanged')} : ${formatNumber(c.locale, changes.unchanged)}</li></ul>
${list(t('editions.new'), changes.new, 'nouveaux')}${list(t('editions.ended'), changes.ended, 'termines')}${
      changes.changed.length === 0
        ? ''
        : html`<h3 id="${id}-modifies">${t('editions.changed')} (${formatNumber(c.locale, changes.changed.length)})</h3>${changes.changed.map(
            (record) => html`<h4>${record.title} <code class="muted">${record.id}</code></h4>${
              record.previousId === undefined ? '' : html`<p class="muted">${t('editions.previousId', { id: record.previousId })}</p>`
            }${dataTable(
              'changes',
              [{ label: t('editions.field') }, { label: t('editions.before') }, { label: t('editions.after') }],
              record.fields.map((field) => [field.label, shown(field.before, c), shown(field.after, c)]),
            )}`,
          )}`
    }`,
    id,
  );
}

export function renderComparison(v: ComparisonView, c: RenderContext): RenderedPage {
  const { t } = c;
  const title = t('editions.comparison', { from: v.from.edition ?? v.from.id, to: v.to.edition ?? v.to.id });
  const body = html`<h1>${title}</h1>
<p>${t('editions.comparison.intro', { from: editionName(v.from), to: editionName(v.to) })}</p>
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
