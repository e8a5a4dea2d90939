/** The PAD page's HTML: the projects in a table, their totals, the editorials' counts. */
import { html } from '../../html.js';
import { label } from '../../i18n/index.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths } from '../../paths.js';
import { scrollTable, source } from '../../render/parts.js';
import { csvLink, eurTotal, formatAmount, formatCount, formatEur, padComparison, rateNote } from '../statistics/parts.js';
import type { PadView } from './data.js';

export function renderPad(v: PadView, c: RenderContext): RenderedPage {
  const { t, locale } = c;
  const party = (refs: PadView['pad']['rows'][number]['maitreOuvrage']) =>
    refs.length === 0 ? '—' : refs.map((r, i) => html`${i > 0 ? ', ' : ''}${r.collectivityId !== null ? html`<a href="${paths.collectivity(r.collectivityId)}">${r.name}</a>` : r.name}`);
  const rows = v.pad.rows.map(
    (r) => html`<tr><th scope="row"><a href="${paths.project(r.projectId)}">${source(r.title, c)}</a></th><td>${party(r.maitreOuvrage)}</td><td>${party(r.assistant)}</td><td>${label(locale, 'status', r.status)}</td><td class="num">${
      r.totalCost ? formatAmount(r.totalCost.amount, r.totalCost.currency, r.totalCost.approximate) : '—'
    }</td><td class="num">${r.totalCost?.eur != null ? `${r.totalCost.approximate ? '≈ ' : ''}${formatEur(r.totalCost.eur)}` : '—'}</td><td class="num">${
      r.padAmounts.length > 0 ? r.padAmounts.map((a) => formatAmount(a.amount, a.currency, a.approximate)).join(' + ') : '—'
    }</td><td class="num">${r.padEur !== null ? formatEur(r.padEur) : '—'}</td></tr>`,
  );
  const table = scrollTable(
    t('stats.pad'),
    html`<table class="stats-table pad-table"><caption class="visually-hidden">${t('stats.pad')}</caption><thead><tr><th scope="col">${t('pad.project')}</th><th scope="col">${t('pad.maitreOuvrage')}</th><th scope="col">${t('pad.assistant')}</th><th scope="col">${t('pad.status')}</th><th scope="col" class="num">${t('pad.totalCost')}</th><th scope="col" class="num">${t('pad.eur')}</th><th scope="col" class="num">${t('pad.padAmount')}</th><th scope="col" class="num">${t('pad.eur')}</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
  const statements = v.pad.statements;
  const body = html`<h1>${t('pad.heading')}</h1>
<p class="lead">${t('pad.intro', { count: formatCount(v.pad.count) })}</p>
<section aria-labelledby="editoriaux"><h2 id="editoriaux">${t('pad.comparison')}</h2>
<p>${padComparison(c.locale, v.pad, false)}</p>
${statements.length > 0
  ? html`<ul>${statements.map((s) =>
      s.stated !== null
        ? html`<li>${t('pad.statement', { stated: formatCount(s.stated), count: formatCount(v.pad.count) })}</li>`
        : html`<li>${t('pad.statement.unstated', { count: formatCount(v.pad.count) })}</li>`,
    )}</ul>`
  : ''}
</section>
<section aria-labelledby="projets-pad"><h2 id="projets-pad">${t('stats.pad')}</h2>
${rateNote(v.rate, c)}
<p>${t('stats.money.approx')}</p>
${table}
${v.pad.truncated ? html`<p class="notice">${t('pad.truncated')}</p>` : ''}
<p>${t('pad.totals', { cost: eurTotal(v.pad.totalCost), costCount: formatCount(v.pad.totalCost.count), pad: eurTotal(v.pad.padTotal), padCount: formatCount(v.pad.padTotal.count) })}</p>
${csvLink('projets-pad', c)}
</section>`;
  return { title: t('pad.title'), breadcrumbs: [{ href: paths.pad(), label: t('pad.title') }], body };
}
